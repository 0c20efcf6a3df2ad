-- Runs migrated sources with plain Lua 5.3 and the project's own package.path (no bundler):
-- lua5.3 plain-lua-run.lua <sourceRoot> <entry.lua | mod:module.name>...
-- Only what aos itself provides is stubbed (Handlers, ao, json, .crypto), never Federation.
local root = arg[1]
package.path = root .. "/?.lua;" .. root .. "/?/init.lua;" .. package.path
Handlers = { list = {}, utils = {} }
function Handlers.add(name, p, h) Handlers.list[#Handlers.list + 1] = { name = name, pattern = p, handle = h } end
Handlers.append, Handlers.prepend, Handlers.before, Handlers.after = Handlers.add, Handlers.add, Handlers.add, Handlers.add
function Handlers.utils.hasMatchingTag(n, v) return function(m) return m.Tags and m.Tags[n] == v end end
function Handlers.utils.reply(t) return function() end end
ao = { id = "PROCESS", env = { Process = { Id = "PROCESS", Owner = "OWNER", Tags = {} } }, send = function(m) return m end, spawn = function() end }
package.preload["json"] = function() return { encode = function() return "{}" end, decode = function() return {} end } end
package.preload[".crypto"] = function() return {} end
for i = 2, #arg do
  local target = arg[i]
  local mod = target:match("^mod:(.+)$")
  local ok, err
  if mod then ok, err = pcall(require, mod) else ok, err = pcall(dofile, target) end
  print((ok and "ok " or "FAIL ") .. arg[i] .. (ok and "" or (": " .. tostring(err))))
end
print("Federation global defined by the sources: " .. tostring(rawget(_G, "Federation") ~= nil))
