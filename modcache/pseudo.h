// Pseudo-versions: vX.0.0-yyyymmddhhmmss-abcdef123456 and the forms after a tag.
#pragma once

#include <string>
#include <string_view>

namespace gotool::modcache::module {

// kPseudoVersionTimestampFormat is the layout of the time in a pseudo-version.
inline constexpr std::string_view kPseudoVersionTimestampFormat = "20060102150405";

// IsPseudoVersion reports whether v has one of the three pseudo-version forms.
bool IsPseudoVersion(std::string_view v);

// PseudoVersion returns the pseudo-version for revision rev made at time (UTC,
// "yyyymmddhhmmss") after the tag older ("" for none), in major version major ("v0"
// when empty): vMAJOR.0.0-T-R, vX.Y.(Z+1)-0.T-R[+build] or vX.Y.Z-pre.0.T-R[+build].
std::string PseudoVersion(std::string_view major, std::string_view older,
                          std::string_view timestamp, std::string_view rev);

// ZeroPseudoVersion returns the pseudo-version with a zero time and revision.
std::string ZeroPseudoVersion(std::string_view major);

// IsZeroPseudoVersion reports whether v is ZeroPseudoVersion of its major version.
bool IsZeroPseudoVersion(std::string_view v);

// PseudoVersionTime returns the "yyyymmddhhmmss" timestamp of v; on failure it sets
// *error to the go command's message.
std::string PseudoVersionTime(std::string_view v, std::string* error);

// PseudoVersionRev returns the revision identifier of v.
std::string PseudoVersionRev(std::string_view v, std::string* error);

// PseudoVersionBase returns the tag that v is based on ("" when it has none).
std::string PseudoVersionBase(std::string_view v, std::string* error);

}  // namespace gotool::modcache::module
