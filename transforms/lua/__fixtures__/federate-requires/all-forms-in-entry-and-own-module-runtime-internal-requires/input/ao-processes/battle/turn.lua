local rng = require( "runtime.rng" )
return {}
