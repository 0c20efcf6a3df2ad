local ok, json = pcall(require, 'json')
json, ok = require("runtime.inline.json-fallback")(json, ok)
return json