local c = require("runtime.c")
return { c = c }
