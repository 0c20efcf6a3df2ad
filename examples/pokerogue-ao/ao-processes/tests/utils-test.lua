-- Table helpers and the sorted JSON codec; the admin copy of table-utils behaves the same.
local T = require("tests.test-helpers")
local tableUtils = require("game-logic.utils.table-utils")
local adminTableUtils = require("admin.components.table-utils")
local codec = require("game-logic.utils.json-codec")

return T.run("utils", {
  deepCopyIsDeep = function()
    local a = { x = { y = 1 } }
    local b = tableUtils.deepCopy(a)
    b.x.y = 2
    T.eq(a.x.y, 1, "original untouched")
  end,
  mergeRecurses = function()
    local m = tableUtils.merge({ a = { b = 1, c = 2 } }, { a = { c = 3 } })
    T.eq(m.a.b, 1, "kept"); T.eq(m.a.c, 3, "overridden")
  end,
  copiesAgree = function()
    local t = { z = 1, a = { 1, 2 } }
    T.truthy(tableUtils.equals(tableUtils.deepCopy(t), adminTableUtils.deepCopy(t)), "same copy")
  end,
  codecSortsKeys = function()
    T.eq(codec.encode({ b = 1, a = "x\n" }), '{"a":"x\\n","b":1}', "sorted")
    T.eq(codec.encode({}), "[]", "empty table")
  end,
  codecRejectsBadJson = function()
    local v, err = codec.decode("{bad")
    T.eq(v, nil, "no value"); T.truthy(err, "error text")
  end,
})
