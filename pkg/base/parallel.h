// ParallelFor: a bounded pool of threads over the indices of a list, for the module
// commands' downloads, verifications and proxy lookups.
#pragma once

#include <cstddef>
#include <functional>

namespace gotool::base {

// ParallelFor calls body(i) for every i in [0, n), on at most jobs threads (at least
// one) taking the next index as they finish, and returns when all calls have. With a
// single thread the calls run on the caller's. body must only touch state of its own
// index or guarded by a lock.
void ParallelFor(std::size_t n, int jobs, const std::function<void(std::size_t)>& body);

}  // namespace gotool::base
