-- Correlator, authenticator and router: the infrastructure every process initialises.
local T = require("tests.test-helpers")
local correlator = require("game-logic.process-coordination.message-correlator")
local authenticator = require("game-logic.process-coordination.process-authenticator")
local router = require("game-logic.process-coordination.message-router")

return T.run("coordination", {
  correlatorTracksAndResolvesOnce = function()
    correlator.initialize()
    local id = correlator.generateId("battle")
    T.truthy(id:match("^battle%-%x+$"), "id shape")
    T.truthy(correlator.track(id, { target = "battle" }), "tracked")
    T.eq(correlator.resolve(id).target, "battle", "resolved info")
    T.eq(correlator.resolve(id), nil, "second resolve")
  end,
  idsAreUnique = function()
    correlator.initialize()
    T.truthy(correlator.generateId("x") ~= correlator.generateId("x"), "distinct ids")
  end,
  authenticatorRoles = function()
    authenticator.initialize({ owner = "OWNER", self = "SELF" })
    authenticator.registerProcess("PEER", "battle")
    T.eq(authenticator.isAuthorized({ From = "OWNER" }, "admin"), true, "owner")
    T.eq(authenticator.isAuthorized({ From = "PEER" }, "battle"), true, "peer with role")
    T.eq(authenticator.isAuthorized({ From = "PEER" }, "economy"), false, "peer without role")
    T.eq(authenticator.isAuthorized({ From = "STRANGER" }), false, "stranger")
  end,
  routerRoutesAndCatches = function()
    router.initialize()
    router.register("PING", function(msg) return msg.Tags.Action .. "!" end)
    router.register("BOOM", function() error("boom") end)
    local ok, r = router.route({ Tags = { Action = "PING" } })
    T.eq(ok, true, "routed"); T.eq(r, "PING!", "result")
    ok = router.route({ Tags = { Action = "BOOM" } })
    T.eq(ok, false, "error caught")
    ok = router.route({ Tags = { Action = "NONE" } })
    T.eq(ok, false, "no route")
  end,
})
