-- A busted output handler (busted -o <this file>) that prints the counts of a run as one JSON
-- line, for `migrate verify` (src/verify/ownTests.ts). busted's own `-o json` prints nothing
-- when a spec errors (dkjson cannot encode the functions in an error's element), and an error is
-- exactly what a migration that breaks the project's tests produces.
local io_write = io.write
local io_flush = io.flush

local function text(v)
  if type(v) == 'string' then return v end
  local ok, pretty = pcall(function() return require('pl.pretty').write(v, '') end)
  return ok and pretty or tostring(v)
end

local function encode(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format('\\u%04x', c:byte()) end) .. '"'
end

return function(options)
  local busted = require 'busted'
  local handler = require 'busted.outputHandlers.base'()

  handler.suiteEnd = function()
    local first = handler.errors[1] or handler.failures[1]
    local problem = first and ((first.name or '') .. ': ' .. text(first.message or '')) or nil
    io_write('MIGRATE-BUSTED-COUNTS {"passed":', #handler.successes, ',"failed":', #handler.failures,
      ',"errors":', #handler.errors, ',"pending":', #handler.pendings,
      problem and (',"firstProblem":' .. encode(problem)) or '', '}\n')
    io_flush()
    return nil, true
  end

  busted.subscribe({ 'suite', 'end' }, handler.suiteEnd)
  return handler
end
