local rng = Federation.require( "runtime.rng", "^1.2.0" )
return {}
