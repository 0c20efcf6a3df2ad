local h = require("b.handler")
