// The streaming plain-CSV point reader and the streaming CSV writer.

#include <unistd.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "sitecover/error.hpp"
#include "sitecover/geodata/point_csv.hpp"
#include "sitecover/geodata/table_writer.hpp"

namespace {

namespace fs = std::filesystem;
using sitecover::geodata::Origin;

sitecover::geodata::Row row_of(std::vector<sitecover::geodata::Value> values) {
    sitecover::geodata::Row row;
    row.values = std::move(values);
    return row;
}

class PointCsv : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("sitecover-point-csv-" + std::to_string(getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string write(const std::string& name, const std::string& content) {
        const std::string path = (dir_ / name).string();
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }
    static std::vector<Origin> read_all(const std::string& path,
                                        sitecover::geodata::PointCsvOptions options = {}) {
        auto reader = sitecover::geodata::open_point_csv(path, options);
        std::vector<Origin> out;
        while (reader->next_chunk(out, 2)) {
        }
        return out;
    }
    static std::string error_of(const std::string& path) {
        try {
            read_all(path);
        } catch (const sitecover::InputError& e) {
            return e.what();
        }
        return "(no error)";
    }

    fs::path dir_;
};

TEST_F(PointCsv, ReadsPointsInChunksWithBomCrlfQuotesAndBlankLines) {
    const auto path = write(
        "p.csv", "\xEF\xBB\xBFid,lon,lat\r\n1,0.5,43.6\r\n\r\n\"a,b\",-1.25,44\r\n3,+2,-45.5");
    const auto origins = read_all(path);
    ASSERT_EQ(origins.size(), 3u);
    EXPECT_EQ(origins[0].code, "1");
    EXPECT_DOUBLE_EQ(origins[0].position.lon_deg, 0.5);
    EXPECT_DOUBLE_EQ(origins[0].position.lat_deg, 43.6);
    EXPECT_EQ(origins[1].code, "a,b");
    EXPECT_DOUBLE_EQ(origins[1].position.lon_deg, -1.25);
    EXPECT_DOUBLE_EQ(origins[2].position.lat_deg, -45.5);
    EXPECT_TRUE(sitecover::geodata::is_plain_point_csv(path));
}

// A file rewritten by another program during a long run would mix two versions: the reader
// compares the file's size and modification time at the end with those it opened.
TEST_F(PointCsv, AFileThatChangesWhileReadIsAnError) {
    const auto path = write("p.csv", "id,lon,lat\n1,0.5,43.6\n2,0.6,43.7\n3,0.7,43.8\n");
    auto reader = sitecover::geodata::open_point_csv(path, {});
    std::vector<Origin> out;
    ASSERT_TRUE(reader->next_chunk(out, 1));
    std::ofstream(path, std::ios::app) << "4,0.8,43.9\n";
    fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(2));
    try {
        while (reader->next_chunk(out, 1)) {
        }
        FAIL() << "the change went unnoticed";
    } catch (const sitecover::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("file '" + path + "' changed while it was being read"),
                  std::string::npos)
            << e.what();
    }
    // Unchanged, the same file reads to the end.
    EXPECT_EQ(read_all(path).size(), 4u);
}

TEST_F(PointCsv, ColumnOrderAndNamesAreFree) {
    const auto path = write("p.csv", "lat,name,code,lon\n43.5,x,32013,0.58\n");
    const auto origins = read_all(path);
    ASSERT_EQ(origins.size(), 1u);
    EXPECT_EQ(origins[0].code, "32013");
    EXPECT_DOUBLE_EQ(origins[0].position.lon_deg, 0.58);
}

TEST_F(PointCsv, ErrorsNameTheFileLineAndField) {
    EXPECT_EQ(
        error_of(write("a.csv", "id,lon,lat\n1,0,0\n2,abc,1\n")),
        "file '" + (dir_ / "a.csv").string() + "', line 3, field 'lon': 'abc' is not a number");
    EXPECT_NE(error_of(write("b.csv", "id,lon,lat\n1,0,95\n"))
                  .find("line 2, field 'lat': 95 is out of range [-90, 90]"),
              std::string::npos);
    EXPECT_NE(error_of(write("c.csv", "id,lon,lat\n1,0\n"))
                  .find("line 2: 2 field(s), expected at least 3"),
              std::string::npos);
    EXPECT_NE(error_of(write("d.csv", "id,lon,lat\n,0,0\n")).find("line 2, field 'id': empty id"),
              std::string::npos);
    EXPECT_NE(error_of(write("e.csv", "id,lon,lat\n1,nan,0\n")).find("'nan' is not a number"),
              std::string::npos);
    EXPECT_NE(
        error_of(write("f.csv", "id,lon,lat\n\"1,0,0\n")).find("line 2: unterminated quoted field"),
        std::string::npos);
    EXPECT_NE(error_of(write("g.csv", "id,x,y\n1,0,0\n")).find("line 1: no column 'lon'"),
              std::string::npos);
    EXPECT_NE(error_of(write("h.csv", "")).find("empty file"), std::string::npos);
    EXPECT_NE(error_of((dir_ / "missing.csv").string()).find("not found"), std::string::npos);
}

TEST_F(PointCsv, SkipBadKeepsGoingAndMarksTheLine) {
    const auto path = write("p.csv", "id,lon,lat\n1,0,0\n2,x,0\n3,1,1\n");
    sitecover::geodata::PointCsvOptions options;
    options.skip_bad = true;
    const auto origins = read_all(path, options);
    ASSERT_EQ(origins.size(), 3u);
    EXPECT_TRUE(origins[0].error.empty());
    EXPECT_EQ(origins[1].error, "line 3, field 'lon': 'x' is not a number");
    EXPECT_TRUE(origins[2].error.empty());
}

TEST_F(PointCsv, NotPlainWhenColumnsOrExtensionDiffer) {
    EXPECT_FALSE(sitecover::geodata::is_plain_point_csv(write("p.txt", "id,lon,lat\n1,0,0\n")));
    EXPECT_FALSE(
        sitecover::geodata::is_plain_point_csv(write("q.csv", "id,longitude,latitude\n1,0,0\n")));
}

TEST_F(PointCsv, StreamingWriterQuotesOnlyWhenNeededAndRenamesOnCommit) {
    namespace gd = sitecover::geodata;
    const std::string path = (dir_ / "out.csv").string();
    {
        gd::TableOptions options;
        options.path = path;
        options.streaming_csv = true;
        gd::TableWriter writer(options, {{"id", gd::FieldType::String},
                                         {"n", gd::FieldType::Integer},
                                         {"d", gd::FieldType::Real, 3},
                                         {"ok", gd::FieldType::Boolean}});
        writer.add_row(row_of({std::string("a,\"b\""), std::int64_t{7}, 1234.56789, true}));
        writer.add_row(row_of({std::string("plain"), gd::Value(), 0.1 + 0.2, false}));
        EXPECT_FALSE(fs::exists(path)) << "nothing visible before commit";
        writer.commit();
    }
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "id,n,d,ok\n\"a,\"\"b\"\"\",7,1234.568,1\nplain,,0.3,0\n");
    for (const auto& entry : fs::directory_iterator(dir_)) {
        EXPECT_EQ(entry.path().filename().string().find(".sitecover-tmp-"), std::string::npos);
    }
}

TEST_F(PointCsv, UncommittedStreamingWriterLeavesNoFile) {
    namespace gd = sitecover::geodata;
    const std::string path = (dir_ / "out.csv").string();
    {
        gd::TableOptions options;
        options.path = path;
        options.streaming_csv = true;
        gd::TableWriter writer(options, {{"id", gd::FieldType::String}});
        writer.add_row(row_of({std::string("x")}));
    }
    EXPECT_TRUE(fs::is_empty(dir_));
}

}  // namespace
