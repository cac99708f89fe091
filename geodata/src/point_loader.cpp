#include "sitecover/geodata/point_loader.hpp"

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include <cpl_conv.h>

#include "feature_point.hpp"
#include "layer_reader.hpp"
#include "ogr_to_area.hpp"
#include "sitecover/area_geometry.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata {
namespace {

// GEOS MakeValid is tried on invalid polygons up to this many vertices (see process()).
constexpr std::size_t kMaxMakeValidVertices = 1000;

std::size_t vertex_count(const Area& area) {
    std::size_t count = 0;
    for (const Polygon& part : area.parts) {
        count += part.outer.size();
        for (const Ring& hole : part.holes) count += hole.size();
    }
    return count;
}

// A table of points usually names its key "id": it is taken when "code" is absent.
std::string code_field_name(const detail::LayerReader& reader, const OriginFields& fields) {
    if (reader.field_index(fields.code) < 0 && fields.code == OriginFields{}.code &&
        reader.field_index("id") >= 0) {
        return "id";
    }
    return fields.code;
}

// GDAL's GeoJSON driver reads a FeatureCollection twice: a first pass over the whole file to
// learn its fields (1.6 s of the 3.4 s on the 46 MB national communes), then the features. The
// origins use only the code and name fields, so the first pass may stop after a few MB (GDAL's
// OGR_GEOJSON_MAX_BYTES_FIRST_PASS): kept when the fields found there settle what is read (the
// code, and the name if asked, as text, and no lon / lat columns), else the file is opened
// again with the full first pass. Fields seen only after the first 4 MB are not read, which
// changes nothing here; features are all read either way.
constexpr const char* kFirstPassOption = "OGR_GEOJSON_MAX_BYTES_FIRST_PASS";
constexpr const char* kFirstPassBytes = "4000000";

bool is_text_field(detail::LayerReader& reader, const std::string& name) {
    const int index = reader.field_index(name);
    return index >= 0 && reader.layer().GetLayerDefn()->GetFieldDefn(index)->GetType() == OFTString;
}

detail::LayerReader open_origin_layer(const LayerSource& source, const OriginFields& fields) {
    std::string ext = std::filesystem::path(source.path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".geojson" && ext != ".json") return detail::LayerReader(source);
    const char* before = CPLGetThreadLocalConfigOption(kFirstPassOption, nullptr);
    const std::string saved = before != nullptr ? before : "";
    CPLSetThreadLocalConfigOption(kFirstPassOption, kFirstPassBytes);
    std::optional<detail::LayerReader> quick;
    try {
        quick.emplace(source);
    } catch (...) {
        CPLSetThreadLocalConfigOption(kFirstPassOption,
                                      before != nullptr ? saved.c_str() : nullptr);
        throw;
    }
    CPLSetThreadLocalConfigOption(kFirstPassOption, before != nullptr ? saved.c_str() : nullptr);
    const bool settled = is_text_field(*quick, code_field_name(*quick, fields)) &&
                         (fields.name.empty() || is_text_field(*quick, fields.name)) &&
                         quick->field_index(fields.lon) < 0 && quick->field_index(fields.lat) < 0;
    if (settled) return std::move(*quick);
    quick.reset();
    return detail::LayerReader(source);
}

class GdalOriginReader final : public OriginReader {
public:
    GdalOriginReader(const LayerSource& source, const OriginFields& fields, OriginRule rule)
        : reader_(open_origin_layer(source, fields)), rule_(rule) {
        code_name_ = code_field_name(reader_, fields);
        code_field_ = reader_.require_field(code_name_, "origin code");
        // The default name field is optional; one named on purpose must exist.
        name_field_ = fields.name.empty() ? -1
                      : fields.name == OriginFields{}.name
                          ? reader_.field_index(fields.name)
                          : reader_.require_field(fields.name, "origin name");
        // Points come from the lon / lat columns of a table, else from the geometry.
        points_ = std::make_unique<detail::FeaturePointReader>(reader_, fields.lon, fields.lat);
        // Only when the driver counts cheaply (no second pass over a big file).
        const GIntBig count = reader_.layer().GetFeatureCount(FALSE);
        progress_.total = count > 0 ? static_cast<std::uint64_t>(count) : 0;
    }

    // Reading stays on the calling thread (GDAL's layer is not thread-safe), while helper
    // threads repair each polygon and take its point: the two overlap, and on a national
    // GeoJSON the polygon work hides behind GDAL's parsing. Results, warnings and the first
    // error come out in file order, whatever the threads did first.
    ReadProgress progress() const override { return progress_; }

    bool next_chunk(std::vector<Origin>& out, std::size_t max_count) override {
        const std::size_t base = out.size();
        std::vector<std::unique_ptr<PolygonJob>> jobs;
        JobQueue queue;
        std::vector<std::thread> helpers;
        const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
        const unsigned helper_count = std::min(hardware, 8u) - 1;
        for (unsigned t = 0; t < helper_count; ++t) {
            helpers.emplace_back([&queue, this]() {
                while (PolygonJob* job = queue.pop(true)) {
                    process(*job);
                    queue.give_back(std::move(job->geometry));
                }
            });
        }
        std::exception_ptr read_error;
        std::size_t added = 0;
        try {
            while (added < max_count) {
                auto feature = reader_.next_feature();
                if (!feature) break;
                out.emplace_back();
                ++progress_.done;
                auto job = read(*feature, out.back());
                if (job) {
                    job->slot = base + added;
                    if (helper_count == 0) {
                        process(*job);
                    } else {
                        queue.push(job.get());
                    }
                    jobs.push_back(std::move(job));
                }
                if (added % 64 == 0) queue.free_given_back();
                ++added;
            }
        } catch (...) {
            read_error = std::current_exception();
        }
        queue.close();
        while (PolygonJob* job = queue.pop(false)) process(*job);  // help with what is left
        for (auto& t : helpers) t.join();
        queue.free_given_back();
        for (const auto& job : jobs) {
            if (job->error) std::rethrow_exception(job->error);
            out[job->slot].position = job->position;
            if (!job->warning.empty()) warnings_.push_back(job->warning);
        }
        if (read_error) std::rethrow_exception(read_error);
        return added > 0;
    }

    const std::vector<std::string>& warnings() const override { return warnings_; }

private:
    // A polygon waiting for its point, with its source geometry for the GEOS fallback.
    struct PolygonJob {
        std::size_t slot = 0;
        Area area;
        std::unique_ptr<OGRGeometry> geometry;  // freed by the reading thread (see give_back)
        std::string where;                      // "file ..., layer ..., feature N"
        std::string label;                      // "code '32013'"
        LonLat position;
        std::string warning;
        std::exception_ptr error;
    };

    // Jobs handed from the reading thread to the helpers.
    class JobQueue {
    public:
        void push(PolygonJob* job) {
            {
                const std::lock_guard<std::mutex> lock(mutex_);
                jobs_.push_back(job);
            }
            ready_.notify_one();
        }
        void close() {
            {
                const std::lock_guard<std::mutex> lock(mutex_);
                closed_ = true;
            }
            ready_.notify_all();
        }
        // The next job; nullptr once closed and empty (or at once when empty and !wait).
        PolygonJob* pop(bool wait) {
            std::unique_lock<std::mutex> lock(mutex_);
            if (wait) ready_.wait(lock, [this] { return closed_ || !jobs_.empty(); });
            if (jobs_.empty()) return nullptr;
            PolygonJob* job = jobs_.front();
            jobs_.pop_front();
            return job;
        }
        // A helper hands a polygon's OGR geometry back to the reading thread that made it:
        // glibc frees memory of another thread's arena under that arena's lock, so freeing
        // 35,000 geometries on the helpers slowed GDAL's allocations on the reading thread.
        void give_back(std::unique_ptr<OGRGeometry> geometry) {
            const std::lock_guard<std::mutex> lock(mutex_);
            given_back_.push_back(std::move(geometry));
        }
        // Frees what the helpers gave back (reading thread).
        void free_given_back() {
            std::vector<std::unique_ptr<OGRGeometry>> spent;
            {
                const std::lock_guard<std::mutex> lock(mutex_);
                spent.swap(given_back_);
            }
        }

    private:
        std::mutex mutex_;
        std::condition_variable ready_;
        std::deque<PolygonJob*> jobs_;
        std::vector<std::unique_ptr<OGRGeometry>> given_back_;
        bool closed_ = false;
    };

    // Fills the code and name, and the position of a point; a polygon becomes a job.
    std::unique_ptr<PolygonJob> read(OGRFeature& feature, Origin& origin) {
        origin.code = detail::utf8_field(feature, code_field_);
        if (origin.code.empty()) {
            throw InputError(reader_.where(feature) + ", field '" + code_name_ + "': empty code");
        }
        // An origin counted twice would weigh twice (plan, population figures).
        if (const auto [it, inserted] = fid_of_code_.emplace(origin.code, feature.GetFID());
            !inserted) {
            throw InputError(reader_.where(feature) + ", field '" + code_name_ +
                             "': origin code '" + origin.code + "' already used by feature " +
                             std::to_string(it->second));
        }
        origin.name = detail::utf8_field(feature, name_field_);
        const std::string label = "code '" + origin.code + "'";
        OGRGeometry* geometry = feature.GetGeometryRef();
        if (points_->from_columns() || (geometry != nullptr && !geometry->IsEmpty() &&
                                        wkbFlatten(geometry->getGeometryType()) == wkbPoint)) {
            origin.position = points_->read(feature, label);
            return nullptr;
        }
        if (geometry == nullptr || geometry->IsEmpty()) {
            throw InputError(reader_.where(feature) + " (" + label + "): no geometry");
        }
        reader_.to_wgs84(*geometry, feature);
        auto job = std::make_unique<PolygonJob>();
        job->area = Area{origin.code, origin.name, {}};
        job->geometry.reset(feature.StealGeometry());
        job->where = reader_.where(feature);
        job->label = label;
        return job;
    }

    // Copies the polygon out of its OGR geometry, repairs it (GEOS MakeValid as a second
    // chance) and takes its point. Runs on any thread: touches only the job.
    void process(PolygonJob& job) const {
        try {
            Area& area = job.area;
            if (const auto problem = detail::append_polygons(*job.geometry, area.parts);
                !problem.empty() || area.parts.empty()) {
                throw InputError(job.where + " (" + job.label + "): " +
                                 (problem.empty() ? std::string("empty polygon") : problem) +
                                 " (origins are points or polygons)");
            }
            try {
                repair_area(area);
            } catch (const InputError& e) {
                // Second chance with GEOS, which rebuilds self-intersecting rings; only for
                // small polygons: MakeValid is quadratic on spiky shapes (20 s for a 5,000-vertex
                // star), and a large invalid polygon must fail fast, not hang.
                if (vertex_count(area) > kMaxMakeValidVertices) {
                    throw InputError(job.where + ": " + e.what() + " (not repaired: more than " +
                                     std::to_string(kMaxMakeValidVertices) + " vertices)");
                }
                std::unique_ptr<OGRGeometry> valid(job.geometry->MakeValid());
                area.parts.clear();
                if (!valid || !detail::append_polygons(*valid, area.parts).empty() ||
                    area.parts.empty()) {
                    throw InputError(job.where + ": " + e.what());
                }
                try {
                    repair_area(area);
                } catch (const InputError&) {
                    throw InputError(job.where + ": " + e.what());
                }
                job.warning = job.where + " (" + job.label +
                              "): invalid polygon made valid with GEOS before taking its origin";
            }
            job.position = rule_ == OriginRule::Centroid ? centroid(area) : point_on_surface(area);
        } catch (...) {
            job.error = std::current_exception();
        }
        job.area.parts.clear();
        job.area.parts.shrink_to_fit();
    }

    detail::LayerReader reader_;
    OriginRule rule_;
    ReadProgress progress_;
    std::string code_name_;
    int code_field_ = -1;
    int name_field_ = -1;
    std::unique_ptr<detail::FeaturePointReader> points_;
    std::vector<std::string> warnings_;
    std::unordered_map<std::string, long long> fid_of_code_;  // codes read so far
};

}  // namespace

std::unique_ptr<OriginReader> open_origins(const LayerSource& source, const OriginFields& fields,
                                           OriginRule rule) {
    return std::make_unique<GdalOriginReader>(source, fields, rule);
}

std::vector<Origin> load_origins(const LayerSource& source, const OriginFields& fields,
                                 OriginRule rule, std::vector<std::string>* warnings) {
    const auto reader = open_origins(source, fields, rule);
    std::vector<Origin> origins;
    while (reader->next_chunk(origins, 65536)) {
    }
    if (warnings != nullptr) {
        warnings->insert(warnings->end(), reader->warnings().begin(), reader->warnings().end());
    }
    return origins;
}

}  // namespace sitecover::geodata
