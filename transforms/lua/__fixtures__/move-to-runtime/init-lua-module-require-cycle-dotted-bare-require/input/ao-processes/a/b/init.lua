local c = require("c")
return { c = c }
