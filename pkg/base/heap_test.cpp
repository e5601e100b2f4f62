// Tests for ReserveHugePageHeap.
#include "pkg/base/heap.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <gtest/gtest.h>

namespace gotool::base {
namespace {

TEST(HeapTest, LargeBlocksFollowInTheHugePage) {
  char* page = static_cast<char*>(ReserveHugePageHeap());
  if (page == nullptr) GTEST_SKIP() << "no glibc heap or no transparent huge pages";
  EXPECT_EQ(reinterpret_cast<uintptr_t>(page) % (uintptr_t(2) << 20), 0u);
  // Blocks above glibc's default mmap threshold (128 KiB) now come from the heap,
  // right at the huge page, one after the other.
  char* a = static_cast<char*>(std::malloc(512 << 10));
  char* b = static_cast<char*>(std::malloc(512 << 10));
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_GE(a, page);
  EXPECT_LT(a, page + 4096);
  EXPECT_GT(b, a);
  EXPECT_LT(b + (512 << 10), page + (2 << 20));
  std::memset(a, 1, 512 << 10);
  std::memset(b, 2, 512 << 10);
  EXPECT_EQ(a[(512 << 10) - 1], 1);
  std::free(b);
  std::free(a);
}

}  // namespace
}  // namespace gotool::base
