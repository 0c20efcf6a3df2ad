local ab = require("runtime.a.b")
return {}
