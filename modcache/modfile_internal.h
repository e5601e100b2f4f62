// Helpers shared by the modfile_*.cpp files; not part of the modfile interface.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "modcache/modfile.h"

namespace gotool::modcache::modfile {

// ParseSyntaxInto is ParseSyntax into *out, an empty FileSyntax (a new File's).
bool ParseSyntaxInto(std::string_view filename, std::string_view data, FileSyntax* out,
                     std::vector<Error>* errs);
// IsIndirect reports whether line has a "// indirect" (or "// indirect; ...") comment.
bool IsIndirect(const Line& line);
// SetRequireVersion sets r's version in the list and on its line.
void SetRequireVersion(Require* r, const std::string& v);
// SetRequireIndirect adds or removes r's "// indirect" comment.
void SetRequireIndirect(Require* r, bool indirect);

}  // namespace gotool::modcache::modfile
