#include "pkg/base/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>
#include <vector>

namespace gotool::base {
namespace {

TEST(ParallelFor, CallsEveryIndexOnce) {
  for (int jobs : {0, 1, 3, 8, 100}) {
    std::vector<int> calls(57, 0);
    ParallelFor(calls.size(), jobs, [&](std::size_t i) { ++calls[i]; });
    for (std::size_t i = 0; i < calls.size(); ++i) EXPECT_EQ(calls[i], 1) << i << " jobs " << jobs;
  }
  ParallelFor(0, 4, [](std::size_t) { FAIL() << "no index to call"; });
}

TEST(ParallelFor, RunsAtMostJobsAtOnceAndOneInline) {
  std::atomic<int> running{0}, most{0};
  ParallelFor(24, 3, [&](std::size_t) {
    int now = ++running;
    for (int m = most; now > m && !most.compare_exchange_weak(m, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    --running;
  });
  EXPECT_GE(most.load(), 2);  // the calls overlapped
  EXPECT_LE(most.load(), 3);
  std::set<std::thread::id> ids;
  ParallelFor(5, 1, [&](std::size_t) { ids.insert(std::this_thread::get_id()); });
  EXPECT_EQ(ids, std::set<std::thread::id>{std::this_thread::get_id()});
}

}  // namespace
}  // namespace gotool::base
