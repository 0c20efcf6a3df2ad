local a = require "runtime.a.b"
return a
