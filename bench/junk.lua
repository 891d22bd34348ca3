-- wrk script: every request a new junk query string on the home page (/?x=1, /?x=2, …).
local i = 0
local run = math.random(1, 1000000000)
request = function()
  i = i + 1
  return wrk.format("GET", "/?x=" .. run .. "-" .. i)
end
