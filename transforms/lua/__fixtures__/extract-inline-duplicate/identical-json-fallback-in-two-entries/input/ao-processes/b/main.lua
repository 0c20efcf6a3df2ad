local ok, json = pcall(require, 'json')
if not ok then
  json = {}
  function json.encode(v) return tostring(v) end
end
return json