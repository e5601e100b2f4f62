// Helpers shared by the modfile_*.cpp files; not part of the modfile interface.
#pragma once

#include <string>

#include "modcache/modfile.h"

namespace gotool::modcache::modfile {

// IsIndirect reports whether line has a "// indirect" (or "// indirect; ...") comment.
bool IsIndirect(const Line& line);
// SetRequireVersion sets r's version in the list and on its line.
void SetRequireVersion(Require* r, const std::string& v);
// SetRequireIndirect adds or removes r's "// indirect" comment.
void SetRequireIndirect(Require* r, bool indirect);

}  // namespace gotool::modcache::modfile
