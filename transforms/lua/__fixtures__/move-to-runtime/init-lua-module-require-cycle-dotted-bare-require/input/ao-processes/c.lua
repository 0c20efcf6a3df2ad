local ab = require("a.b")
return {}
