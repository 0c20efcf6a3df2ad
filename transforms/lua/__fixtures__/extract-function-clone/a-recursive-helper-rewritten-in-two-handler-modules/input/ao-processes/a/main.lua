local h = require("a.handler")
