local function enc() end
return { encode = enc, decode = enc }