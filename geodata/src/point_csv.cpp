#include "sitecover/geodata/point_csv.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <vector>

#include "file_stamp.hpp"
#include "layer_reader.hpp"

#include "sitecover/error.hpp"

namespace sitecover::geodata {
namespace {

constexpr std::size_t kBufferBytes = 1 << 20;

// Splits one CSV line into fields (double quotes, "" inside quotes). False on an unterminated
// quote.
bool split_fields(std::string_view line, std::vector<std::string>& fields) {
    fields.clear();
    std::size_t i = 0;
    for (;;) {
        std::string field;
        if (i < line.size() && line[i] == '"') {
            ++i;
            for (;;) {
                if (i >= line.size()) return false;
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += line[i++];
            }
            // Anything between the closing quote and the comma is kept, as spreadsheets do.
            while (i < line.size() && line[i] != ',') field += line[i++];
        } else {
            const std::size_t comma = line.find(',', i);
            const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
            field.assign(line.substr(i, end - i));
            i = end;
        }
        fields.push_back(std::move(field));
        if (i >= line.size()) return true;
        ++i;  // the comma
        if (i == line.size()) {
            fields.emplace_back();
            return true;
        }
    }
}

bool parse_number(std::string_view text, double& value) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty()) return false;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(value);
}

std::uint64_t file_size_or_zero(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : static_cast<std::uint64_t>(size);
}

struct Columns {
    int id = -1, lon = -1, lat = -1, name = -1;
};

Columns find_columns(const std::vector<std::string>& header, const PointCsvOptions& options) {
    Columns c;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const int index = static_cast<int>(i);
        if (header[i] == options.id_column) c.id = index;
        if (header[i] == options.lon_column) c.lon = index;
        if (header[i] == options.lat_column) c.lat = index;
        if (header[i] == options.name_column) c.name = index;
    }
    if (c.id < 0 && options.id_column == PointCsvOptions{}.id_column) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == "code") c.id = static_cast<int>(i);
        }
    }
    return c;
}

class LineReader {
public:
    explicit LineReader(const std::string& path)
        : path_(path), stamp_(detail::stamp_of(path)), file_(std::fopen(path.c_str(), "rb")) {}
    ~LineReader() {
        if (file_ != nullptr) std::fclose(file_);
    }
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;
    bool ok() const { return file_ != nullptr; }
    /// Bytes of the lines handed out so far, and of the file when opened.
    std::uint64_t bytes_done() const { return consumed_; }
    std::uint64_t bytes_total() const { return size_; }

    // The next line without its end (LF or CRLF); false at end of file.
    bool next(std::string_view& line) {
        for (;;) {
            const std::size_t newline = buffer_.find('\n', start_);
            if (newline != std::string::npos) {
                line = std::string_view(buffer_).substr(start_, newline - start_);
                consumed_ += newline + 1 - start_;
                start_ = newline + 1;
                if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
                return true;
            }
            if (eof_) {
                if (start_ >= buffer_.size()) return false;
                line = std::string_view(buffer_).substr(start_);
                consumed_ += buffer_.size() - start_;
                start_ = buffer_.size();
                if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
                return true;
            }
            buffer_.erase(0, start_);
            start_ = 0;
            const std::size_t old_size = buffer_.size();
            buffer_.resize(old_size + kBufferBytes);
            const std::size_t got = std::fread(buffer_.data() + old_size, 1, kBufferBytes, file_);
            buffer_.resize(old_size + got);
            if (got == 0) {
                if (std::ferror(file_)) {
                    // errno says why: "Is a directory" (a directory named x.csv), an I/O error.
                    throw InputError("file '" + path_ + "': read error: " + std::strerror(errno));
                }
                eof_ = true;
                detail::check_unchanged(path_, stamp_);
            }
        }
    }

private:
    std::string path_;
    detail::FileStamp stamp_;  // taken before opening: a change after it is caught
    std::FILE* file_;
    std::string buffer_;
    std::size_t start_ = 0;
    bool eof_ = false;
    std::uint64_t consumed_ = 0;
    std::uint64_t size_ = file_size_or_zero(path_);
};

class PointCsvReader final : public OriginReader {
public:
    PointCsvReader(const std::string& path, const PointCsvOptions& options)
        : path_(path), options_(options), lines_(path) {
        if (!lines_.ok()) {
            if (!std::filesystem::exists(path)) throw MissingFileError(path);
            throw InputError("cannot read file '" + path + "'");
        }
        std::string_view header;
        if (!next_line(header))
            throw InputError("file '" + path + "': empty file (expected a header line)");
        if (header.substr(0, 3) == "\xEF\xBB\xBF")
            header.remove_prefix(3);  // UTF-8 byte order mark
        std::vector<std::string>& names = header_names_;
        split_fields(header, names);
        columns_ = find_columns(names, options);
        const auto missing = [&](int index, const std::string& name) {
            if (index < 0) {
                throw InputError("file '" + path + "', line 1: no column '" + name +
                                 "' in the header (" + std::string(header) + ")");
            }
        };
        missing(columns_.id, options.id_column);
        missing(columns_.lon, options.lon_column);
        missing(columns_.lat, options.lat_column);
        if (options.name_column != PointCsvOptions{}.name_column)
            missing(columns_.name, options.name_column);
        needed_ = std::max({columns_.id, columns_.lon, columns_.lat, columns_.name}) + 1;
    }

    bool next_chunk(std::vector<Origin>& out, std::size_t max_count) override {
        std::size_t added = 0;
        std::string_view line;
        while (added < max_count && next_line(line)) {
            if (line.empty()) continue;
            Origin origin;
            if (const std::string problem = parse(line, origin); !problem.empty()) {
                const std::string message = "line " + std::to_string(line_number_) + problem;
                if (!options_.skip_bad) throw BadRecordError("file '" + path_ + "', " + message);
                origin.error = message;
            }
            out.push_back(std::move(origin));
            ++added;
        }
        return added > 0;
    }

    const std::vector<std::string>& warnings() const override { return warnings_; }
    ReadProgress progress() const override { return {lines_.bytes_done(), lines_.bytes_total()}; }

private:
    bool next_line(std::string_view& line) {
        if (!lines_.next(line)) return false;
        ++line_number_;
        return true;
    }

    // Fills `origin`; returns "" or what is wrong (", field 'lat': ...").
    std::string parse(std::string_view line, Origin& origin) {
        if (line.find('"') == std::string_view::npos) {
            // The common line, without quotes: fields are views into it, nothing is copied.
            views_.clear();
            for (std::size_t start = 0;;) {
                const std::size_t comma = line.find(',', start);
                views_.push_back(
                    line.substr(start, comma == std::string_view::npos ? comma : comma - start));
                if (comma == std::string_view::npos || static_cast<int>(views_.size()) == needed_)
                    break;
                start = comma + 1;
            }
        } else {
            if (!split_fields(line, fields_)) return ": unterminated quoted field";
            views_.assign(fields_.begin(), fields_.end());
        }
        if (static_cast<int>(views_.size()) < needed_) {
            return ": " + std::to_string(views_.size()) + " field(s), expected at least " +
                   std::to_string(needed_);
        }
        // A NUL byte would cut the id in GeoPackage and in C strings (messages included).
        for (std::size_t i = 0; line.find('\0') != std::string_view::npos && i < views_.size();
             ++i) {
            if (views_[i].find('\0') != std::string_view::npos) {
                const std::string name =
                    i < header_names_.size() ? header_names_[i] : std::to_string(i + 1);
                return ", field '" + name + "': NUL byte in the value";
            }
        }
        origin.code = views_[static_cast<std::size_t>(columns_.id)];
        if (origin.code.empty()) return ", field '" + options_.id_column + "': empty id";
        // Not UTF-8: taken as Latin-1 and converted, as the GDAL read path does.
        if (std::any_of(origin.code.begin(), origin.code.end(),
                        [](char c) { return (c & 0x80) != 0; }))
            origin.code = detail::to_utf8(std::move(origin.code));
        if (columns_.name >= 0) origin.name = views_[static_cast<std::size_t>(columns_.name)];
        if (std::any_of(origin.name.begin(), origin.name.end(),
                        [](char c) { return (c & 0x80) != 0; }))
            origin.name = detail::to_utf8(std::move(origin.name));
        const auto number = [&](int index, const std::string& name, double& value,
                                double limit) -> std::string {
            const std::string_view text = views_[static_cast<std::size_t>(index)];
            if (!parse_number(text, value))
                return ", field '" + name + "': '" + std::string(text) + "' is not a number";
            if (std::abs(value) > limit) {
                return ", field '" + name + "': " + std::string(text) + " is out of range [-" +
                       std::to_string(static_cast<int>(limit)) + ", " +
                       std::to_string(static_cast<int>(limit)) + "]";
            }
            return {};
        };
        if (auto e = number(columns_.lon, options_.lon_column, origin.position.lon_deg, 180.0);
            !e.empty())
            return e;
        if (auto e = number(columns_.lat, options_.lat_column, origin.position.lat_deg, 90.0);
            !e.empty())
            return e;
        return {};
    }

    std::string path_;
    PointCsvOptions options_;
    LineReader lines_;
    Columns columns_;
    int needed_ = 0;
    std::size_t line_number_ = 0;
    std::vector<std::string> fields_;      // a quoted line's fields
    std::vector<std::string_view> views_;  // the current line's fields
    std::vector<std::string> header_names_;
    std::vector<std::string> warnings_;
};

}  // namespace

bool is_plain_point_csv(const std::string& path, const PointCsvOptions& options) {
    const std::filesystem::path p(path);
    std::string ext = p.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".csv" || path.rfind("/vsi", 0) == 0) return false;
    LineReader lines(path);
    std::string_view header;
    if (!lines.ok() || !lines.next(header)) return false;
    if (header.substr(0, 3) == "\xEF\xBB\xBF") header.remove_prefix(3);
    std::vector<std::string> names;
    if (!split_fields(header, names)) return false;
    const Columns c = find_columns(names, options);
    return c.id >= 0 && c.lon >= 0 && c.lat >= 0;
}

std::unique_ptr<OriginReader> open_point_csv(const std::string& path,
                                             const PointCsvOptions& options) {
    return std::make_unique<PointCsvReader>(path, options);
}

}  // namespace sitecover::geodata
