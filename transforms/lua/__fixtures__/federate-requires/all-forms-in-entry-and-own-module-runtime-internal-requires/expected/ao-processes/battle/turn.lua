require("runtime.ao_federate")
local rng = Federation.require( "runtime.rng", "^1.2.0" )
return {}
