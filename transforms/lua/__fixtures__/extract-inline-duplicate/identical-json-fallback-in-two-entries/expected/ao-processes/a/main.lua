-- a
local ok, json = pcall(require, "json")
json, ok = require("runtime.inline.json-fallback")(json, ok)
print(json.encode(1))
