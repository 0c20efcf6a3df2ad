local u = require("runtime.utils")
return {}
