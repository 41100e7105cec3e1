-- wrk script: answers by POST over many invitations (used by ./sanjeh bench survey), as the
-- answer page sends them. The launcher prepends `forms_file`: one "/s/TOKEN FORM_TOKEN" per line,
-- the form token read from each link's page; with `views = true`, the pages are fetched by GET
-- (with a one-click score) instead, the baseline of the same run.
local forms = {}
for line in io.lines(forms_file) do
  local path, form = line:match("^(%S+) (%S+)$")
  if path then
    forms[#forms + 1] = { path = path, form = form }
  end
end
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
counter = 0
request = function()
  counter = counter + 1
  local entry = forms[(counter % #forms) + 1]
  if views then
    return wrk.format("GET", entry.path .. "?lang=en&score=" .. ((counter % 5) + 1))
  end
  local body = "lang=en&score=" .. ((counter % 5) + 1) .. "&form=" .. entry.form
  return wrk.format("POST", entry.path, headers, body)
end
