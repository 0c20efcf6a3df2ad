-- extracted by lua/extract-inline-duplicate; the block runs with the caller's locals passed in and returned
return function(json, ok)
if not ok then
  json = {}
  function json.encode(v) return tostring(v) end
end
return json, ok
end
