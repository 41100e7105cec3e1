-- wrk script: one-click answers over many invitation links (used by ./sanjeh bench survey).
-- The launcher prepends `links_file`, a file with one /s/TOKEN?lang=.. path per line.
local links = {}
for line in io.lines(links_file) do
  if #line > 0 then
    links[#links + 1] = line
  end
end
counter = 0
request = function()
  counter = counter + 1
  local link = links[(counter % #links) + 1]
  return wrk.format("GET", link .. "&score=" .. ((counter % 5) + 1))
end
