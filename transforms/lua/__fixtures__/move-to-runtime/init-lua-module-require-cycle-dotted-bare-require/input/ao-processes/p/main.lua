local a = require "a.b"
return a
