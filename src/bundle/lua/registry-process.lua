-- ao-federate registry process (delivery option b). Serves runtime module sources by message:
--   request:  Action = "Federation-Get", Modules = "runtime.a,runtime.b"   (any process may ask)
--   reply:    Action = "Federation-Module", Module, Version, Hash, Data = the module source
--   unknown:  Action = "Federation-Missing", Module
-- The build puts `FederationRegistry.modules = { [name] = { version, hash, source } }` before this
-- text. The requesting shell checks the sender (msg.From == its registry id) and the sha256 hash.
FederationRegistry = FederationRegistry or { modules = {} }

Handlers.add("Federation-Get", function(msg) return msg.Action == "Federation-Get" end, function(msg)
  local list = tostring(msg.Modules or "")
  for name in list:gmatch("[^,%s]+") do
    local m = FederationRegistry.modules[name]
    if m then
      ao.send({ Target = msg.From, Action = "Federation-Module", Module = name, Version = m.version, Hash = m.hash, Data = m.source })
    else
      ao.send({ Target = msg.From, Action = "Federation-Missing", Module = name })
    end
  end
end)

Handlers.add("Federation-Registry-Info", function(msg) return msg.Action == "Federation-Registry-Info" end, function(msg)
  local names = {}
  for name, m in pairs(FederationRegistry.modules) do names[#names + 1] = { name = name, version = m.version, hash = m.hash } end
  table.sort(names, function(a, b) return a.name < b.name end)
  ao.send({ Target = msg.From, Action = "Federation-Registry", Data = require("json").encode({ version = FederationRegistry.version, modules = names }) })
end)
