// Heap set-up for a process that formats one large input and exits.
#pragma once

#include <cstddef>

namespace gotool::base {

// ReserveHugePageHeap readies the C heap for a short-lived process that is about to
// allocate a few megabytes and exit: the next 2 MiB the heap hands out lie in one
// transparent huge page, which the kernel fills in one page fault instead of 512
// (on Linux with glibc and THP in "madvise" or "always" mode; elsewhere it does
// nothing). Large blocks then come from the heap too, and freed memory stays in it,
// so buffers that grow reuse the pages already faulted in. It returns the start of
// the huge page, or nullptr if none was requested. Call it once, early, only where
// the process's peak memory may grow by up to 2 MiB.
void* ReserveHugePageHeap();

}  // namespace gotool::base
