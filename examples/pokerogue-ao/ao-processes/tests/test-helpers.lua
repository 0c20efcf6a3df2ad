-- Minimal assertions for the Lua tests (run inside aos by test/example/luaTests.test.ts).
local T = { passed = 0, failures = {} }

function T.eq(actual, expected, what)
  if actual ~= expected then
    error(string.format("%s: expected %s, got %s", what or "value", tostring(expected), tostring(actual)), 2)
  end
end

function T.truthy(v, what)
  if not v then error((what or "value") .. " should be truthy", 2) end
end

--- Runs every function of cases in sorted order; returns "passed N" or raises with all failures.
function T.run(name, cases)
  local names = {}
  for k in pairs(cases) do names[#names + 1] = k end
  table.sort(names)
  for _, n in ipairs(names) do
    local ok, err = pcall(cases[n])
    if ok then T.passed = T.passed + 1 else T.failures[#T.failures + 1] = name .. "." .. n .. ": " .. tostring(err) end
  end
  if #T.failures > 0 then error(table.concat(T.failures, "\n")) end
  return name .. " passed " .. T.passed
end

return T
