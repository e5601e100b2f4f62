// Semantic versions as the go command reads them: vMAJOR[.MINOR[.PATCH[-PRE][+BUILD]]].
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gotool::modcache::semver {

// IsValid reports whether v is a valid semantic version in Go's sense: a leading "v",
// and the shorthands v1 and v1.2 (meaning v1.0.0 and v1.2.0) allowed.
bool IsValid(std::string_view v);

// Canonical returns the canonical form of v (v1 -> v1.0.0; build suffix dropped), or
// "" when v is invalid.
std::string Canonical(std::string_view v);

// IsCanonical reports whether v is its own Canonical form: valid, with major,
// minor and patch, and without a build suffix.
bool IsCanonical(std::string_view v);

// Major returns the major version prefix ("v2"), or "" when v is invalid.
std::string Major(std::string_view v);

// MajorMinor returns the major.minor prefix ("v2.1"), or "" when v is invalid.
std::string MajorMinor(std::string_view v);

// Prerelease returns the pre-release suffix with its "-" ("-rc.1"), or "".
std::string Prerelease(std::string_view v);

// Build returns the build suffix with its "+" ("+incompatible"), or "".
std::string Build(std::string_view v);

// Compare returns -1, 0 or +1 as v is less than, equal to or greater than w. An
// invalid version is less than every valid one and equal to every invalid one.
int Compare(std::string_view v, std::string_view w);

// Max returns the larger of the canonical forms of v and w.
std::string Max(std::string_view v, std::string_view w);

// Sort sorts versions in increasing order, ties broken by string order.
void Sort(std::vector<std::string>* versions);

}  // namespace gotool::modcache::semver
