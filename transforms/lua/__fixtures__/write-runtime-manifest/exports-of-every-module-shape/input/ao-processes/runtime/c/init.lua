Globals = {}
function GlobalFn() end
