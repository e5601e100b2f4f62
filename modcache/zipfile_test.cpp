// Tests of the zip reader and writer: round trips, archives of libzip, and broken
// archives (truncated, lying sizes, bad CRC-32, corrupt deflate data, zip bombs).
#include "modcache/zipfile.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <cstring>
#include <string>
#include <vector>

namespace gotool::modcache::zip {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

std::string Build(const Files& files) {
  Writer w;
  for (const auto& [name, data] : files) w.Add(name, data);
  return w.Finish();
}

// ReadAll reads every entry of an archive, or returns the first error.
Result<Files> ReadAll(std::string archive) {
  Result<Reader> r = Reader::Open(std::move(archive));
  if (!r.ok()) return r.error();
  Files out;
  for (std::size_t i = 0; i < r.value().files().size(); ++i) {
    std::string data;
    if (Status s = r.value().ReadFile(i, &data); !s.ok()) return s.error();
    out.emplace_back(r.value().files()[i].name, data);
  }
  return out;
}

std::uint32_t Get32(const std::string& b, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(b[at + i]);
  return v;
}

void Set32(std::string* b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) (*b)[at + i] = static_cast<char>(v >> (8 * i));
}

void Set16(std::string* b, std::size_t at, std::uint16_t v) {
  (*b)[at] = static_cast<char>(v);
  (*b)[at + 1] = static_cast<char>(v >> 8);
}

// Central returns the offset of the n-th central directory header.
std::size_t Central(const std::string& b, int n) {
  std::size_t at = 0;
  for (int i = 0; i <= n; ++i) {
    at = b.find(std::string("PK\x01\x02", 4), i == 0 ? 0 : at + 4);
    if (at == std::string::npos) return at;
  }
  return at;
}

// Offsets in a central directory header.
constexpr std::size_t kMethod = 10, kCrc = 16, kCsize = 20, kUsize = 24, kOffset = 42;

std::string Text(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += "line " + std::to_string(i) + " of some text to compress\n";
  return s;
}

TEST(ZipFile, RoundTrip) {
  Files files = {{"m@v1/go.mod", "module m\n"},
                 {"m@v1/big.go", Text(500)},  // deflated
                 {"m@v1/empty.go", ""},
                 {"m@v1/dir/", ""},
                 {"m@v1/bin", std::string("\x00\xff\x10\x7f", 4)}};  // stored: deflate is larger
  std::string archive = Build(files);
  Result<Reader> r = Reader::Open(archive);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r.value().files().size(), files.size());
  EXPECT_EQ(r.value().files()[1].method, 8);
  EXPECT_LT(r.value().files()[1].compressed_size, r.value().files()[1].uncompressed_size);
  EXPECT_EQ(r.value().files()[4].method, 0);
  Result<Files> got = ReadAll(archive);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(got.value(), files);
}

TEST(ZipFile, Crc32) {
  EXPECT_EQ(Crc32(""), 0u);
  EXPECT_EQ(Crc32("123456789"), 0xcbf43926u);  // the standard check value
}

// Archives of another writer (libzip, with its extra fields and directory entries)
// read the same, and libzip reads ours.
TEST(ZipFile, InteroperatesWithLibzip) {
  Files files = {{"a/b.txt", Text(50)}, {"c", "x"}, {"d/", ""}};
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buf = zip_source_buffer_create(nullptr, 0, 0, &err);
  ASSERT_NE(buf, nullptr);
  zip_t* z = zip_open_from_source(buf, ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr);
  zip_source_keep(buf);
  for (const auto& [name, data] : files) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    ASSERT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8), 0);
  }
  ASSERT_EQ(zip_close(z), 0);
  ASSERT_EQ(zip_source_open(buf), 0);
  std::string archive;
  char chunk[4096];
  for (zip_int64_t n; (n = zip_source_read(buf, chunk, sizeof chunk)) > 0;)
    archive.append(chunk, n);
  zip_source_close(buf);
  zip_source_free(buf);
  zip_error_fini(&err);
  Result<Files> got = ReadAll(archive);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(got.value(), files);

  std::string ours = Build(files);
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(ours.data(), ours.size(), 0, &err);
  zip_t* back = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  ASSERT_NE(back, nullptr) << zip_error_strerror(&err);
  ASSERT_EQ(zip_get_num_entries(back, 0), 3);
  zip_file_t* f = zip_fopen_index(back, 0, 0);
  ASSERT_NE(f, nullptr);
  std::string data(files[0].second.size(), '\0');
  EXPECT_EQ(zip_fread(f, data.data(), data.size()), static_cast<zip_int64_t>(data.size()));
  EXPECT_EQ(data, files[0].second);
  zip_fclose(f);
  zip_discard(back);
  zip_error_fini(&err);
}

TEST(ZipFile, NotAZip) {
  for (std::string bad : {std::string(), std::string("PK\x03\x04 nothing more"),
                          std::string(100, 'x'), Build({{"a", "b"}}).substr(0, 40)}) {
    Result<Reader> r = Reader::Open(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, kErrFormat);
  }
}

// A comment after the end record does not hide it; a cut directory does not pass.
TEST(ZipFile, EndRecord) {
  std::string archive = Build({{"a", "hello"}});
  std::string commented = archive;
  Set16(&commented, commented.size() - 2, 5);
  commented += "hello";
  Result<Files> got = ReadAll(commented);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(got.value(), (Files{{"a", "hello"}}));

  std::string wrong_count = archive;  // says two entries, holds one
  Set16(&wrong_count, wrong_count.size() - 12, 2);
  Set16(&wrong_count, wrong_count.size() - 14, 2);
  EXPECT_EQ(ReadAll(wrong_count).error().message, kErrFormat);

  std::string far = archive;  // directory beyond the end of the file
  Set32(&far, far.size() - 6, static_cast<std::uint32_t>(far.size() + 10));
  EXPECT_EQ(ReadAll(far).error().message, kErrFormat);
}

TEST(ZipFile, BadChecksum) {
  for (const std::string& data : {std::string("short, so stored"), Text(100)}) {
    std::string archive = Build({{"a", data}});
    std::size_t c = Central(archive, 0);
    Set32(&archive, c + kCrc, Get32(archive, c + kCrc) ^ 1);
    Result<Files> got = ReadAll(archive);
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().message, kErrChecksum);
  }
}

TEST(ZipFile, CorruptDeflateData) {
  std::string archive = Build({{"a", Text(200)}});
  ASSERT_EQ(archive[8], 8);  // deflated
  for (std::size_t i = 30 + 1; i < 30 + 1 + 40; ++i) archive[i] = static_cast<char>(0xff);
  Result<Files> got = ReadAll(archive);
  ASSERT_FALSE(got.ok());
  EXPECT_TRUE(got.error().message == "flate: corrupt input" ||
              got.error().message == kErrChecksum || got.error().message == kErrFormat)
      << got.error().message;
}

// Sizes that lie: more data than declared is a format error, less an unexpected end,
// for stored and deflated entries alike.
TEST(ZipFile, LyingSizes) {
  for (const std::string& data : {std::string("0123456789"), Text(100)}) {
    std::string archive = Build({{"a", data}});
    std::size_t c = Central(archive, 0);
    std::uint32_t usize = Get32(archive, c + kUsize);
    std::string smaller = archive, larger = archive;
    Set32(&smaller, c + kUsize, usize - 1);
    Set32(&larger, c + kUsize, usize + 1);
    EXPECT_EQ(ReadAll(smaller).error().message, kErrFormat);
    EXPECT_EQ(ReadAll(larger).error().message, kErrUnexpectedEOF);
  }
}

// A zip bomb (a few KB inflating to 16 MB) declared small is stopped one byte past its
// declaration, without inflating the rest.
TEST(ZipFile, ZipBomb) {
  std::string archive = Build({{"bomb", std::string(16 << 20, 'a')}});
  EXPECT_LT(archive.size(), 50000u);
  std::size_t c = Central(archive, 0);
  Set32(&archive, c + kUsize, 1000);
  Result<Reader> r = Reader::Open(archive);
  ASSERT_TRUE(r.ok());
  std::string out;
  Status s = r.value().ReadFile(0, &out);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, kErrFormat);
  EXPECT_LE(out.size(), 1001u);
}

TEST(ZipFile, UnsupportedMethodAndBadOffsets) {
  std::string archive = Build({{"a", "x"}});
  std::size_t c = Central(archive, 0);
  std::string method = archive;
  Set16(&method, c + kMethod, 12);  // bzip2
  EXPECT_EQ(ReadAll(method).error().message, kErrAlgorithm);
  std::string offset = archive;
  Set32(&offset, c + kOffset, 5);  // no local header there
  EXPECT_EQ(ReadAll(offset).error().message, kErrFormat);
  std::string csize = archive;  // body running past the end of the file
  Set32(&csize, c + kCsize, 1 << 20);
  EXPECT_EQ(ReadAll(csize).error().message, kErrFormat);
}

void Put(std::string* b, std::uint64_t v, int n) {
  for (int i = 0; i < n; ++i) b->push_back(static_cast<char>(v >> (8 * i)));
}

// A zip64 archive as writers of large zips make it: 32-bit fields at their maximum,
// the real sizes and offset in the zip64 extra field, and a zip64 end record.
TEST(ZipFile, Zip64) {
  const std::string name = "m@v1/a.txt", data = "zip64 content\n";
  std::string b;
  Put(&b, 0x04034b50, 4);  // local header
  Put(&b, 45, 2);
  Put(&b, 0, 2);
  Put(&b, 0, 2);  // stored
  Put(&b, 0, 4);
  Put(&b, Crc32(data), 4);
  Put(&b, 0xffffffff, 4);
  Put(&b, 0xffffffff, 4);
  Put(&b, name.size(), 2);
  Put(&b, 20, 2);
  b += name;
  Put(&b, 1, 2);
  Put(&b, 16, 2);
  Put(&b, data.size(), 8);
  Put(&b, data.size(), 8);
  b += data;
  std::uint64_t dir = b.size();
  Put(&b, 0x02014b50, 4);  // central header
  Put(&b, 45, 2);
  Put(&b, 45, 2);
  Put(&b, 0, 2);
  Put(&b, 0, 2);
  Put(&b, 0, 4);
  Put(&b, Crc32(data), 4);
  Put(&b, 0xffffffff, 4);
  Put(&b, 0xffffffff, 4);
  Put(&b, name.size(), 2);
  Put(&b, 28, 2);
  Put(&b, 0, 2);
  Put(&b, 0, 8);  // disk, attributes
  Put(&b, 0xffffffff, 4);
  b += name;
  Put(&b, 1, 2);
  Put(&b, 24, 2);
  Put(&b, data.size(), 8);
  Put(&b, data.size(), 8);
  Put(&b, 0, 8);  // the local header's offset
  std::uint64_t dir_size = b.size() - dir, end64 = b.size();
  Put(&b, 0x06064b50, 4);  // zip64 end record
  Put(&b, 44, 8);
  Put(&b, 45, 2);
  Put(&b, 45, 2);
  Put(&b, 0, 8);
  Put(&b, 1, 8);
  Put(&b, 1, 8);
  Put(&b, dir_size, 8);
  Put(&b, dir, 8);
  Put(&b, 0x07064b50, 4);  // its locator
  Put(&b, 0, 4);
  Put(&b, end64, 8);
  Put(&b, 1, 4);
  Put(&b, 0x06054b50, 4);  // end record, all fields overflowed
  Put(&b, 0, 4);
  Put(&b, 0xffff, 2);
  Put(&b, 0xffff, 2);
  Put(&b, 0xffffffff, 4);
  Put(&b, 0xffffffff, 4);
  Put(&b, 0, 2);
  Result<Files> got = ReadAll(b);
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(got.value(), (Files{{name, data}}));
  // Without its zip64 extra field the entry's sizes are unknown: not a valid zip.
  std::string no_extra = b;
  std::size_t c = Central(no_extra, 0);
  no_extra[c + 46 + name.size()] = 2;  // the extra field's id, 0x0001 -> 0x0002
  EXPECT_EQ(ReadAll(no_extra).error().message, kErrFormat);
}

// Duplicate names are the zip format's business no more than any name: the reader
// lists both, and the module checks (zip.h) reject them.
TEST(ZipFile, DuplicateNamesAreListed) {
  Result<Files> got = ReadAll(Build({{"a", "1"}, {"a", "2"}}));
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got.value(), (Files{{"a", "1"}, {"a", "2"}}));
}

}  // namespace
}  // namespace gotool::modcache::zip
