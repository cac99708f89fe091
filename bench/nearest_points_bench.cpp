// In-library nearest-site throughput on a file of query points, for bench/compare_nearest.py.
//
//   build/bench/nearest_points_bench SITES_CSV POINTS_CSV [--threads N] [--out RESULT_CSV]
//
// SITES_CSV is read with sitecover::geodata::load_sites (the ANCT France Services CSV);
// POINTS_CSV is a plain `id,lon,lat` table with a header line. Reading the points is not timed
// (the end-to-end command line is measured separately by the script); what is timed:
//   - build:  SiteIndex construction from the loaded sites;
//   - single: SiteIndex::nearest (exact WGS84 distance) for every point, one thread, in a loop;
//             then the same with DistanceMethod::Karney (checked: same sites), then
//             k_nearest(5) and within(19 km) for every point, one thread;
//   - batch:  k_nearest_batch(k = 1) on --threads N threads, when --threads is given (N = 1
//             measures the batch path on one thread; N = 0 is not accepted here).
// Prints one JSON object per line on stdout. With --out, writes `id,site_id,distance_m` rows
// (from the single-threaded pass, distances to 1e-6 m) so that the script can check them against
// a brute-force reference; the batch answers are compared with the single-threaded ones here.

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sitecover/batch_query.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/site_index.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double parse_double(std::string_view text, const std::string& path, std::size_t line) {
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        throw std::runtime_error(path + ":" + std::to_string(line) + ": bad number '" +
                                 std::string(text) + "'");
    }
    return value;
}

struct Points {
    std::vector<std::string> ids;
    std::vector<sitecover::LonLat> positions;
};

// Plain `id,lon,lat` CSV, header first; no quoting (the script writes numeric ids).
Points read_points(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    Points points;
    std::string line;
    std::getline(in, line);  // header
    std::size_t number = 1;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty()) continue;
        if (line.back() == '\r') line.pop_back();
        const std::string_view view(line);
        const auto c1 = view.find(',');
        const auto c2 = c1 == std::string_view::npos ? c1 : view.find(',', c1 + 1);
        if (c2 == std::string_view::npos)
            throw std::runtime_error(path + ":" + std::to_string(number) + ": expected id,lon,lat");
        points.ids.emplace_back(view.substr(0, c1));
        points.positions.push_back({parse_double(view.substr(c1 + 1, c2 - c1 - 1), path, number),
                                    parse_double(view.substr(c2 + 1), path, number)});
    }
    return points;
}

void print_result(const char* phase, std::size_t threads, std::size_t count, double seconds) {
    std::printf(
        "{\"phase\": \"%s\", \"threads\": %zu, \"points\": %zu, \"seconds\": %.6f, "
        "\"points_per_s\": %.1f}\n",
        phase, threads, count, seconds, seconds > 0 ? static_cast<double>(count) / seconds : 0.0);
    std::fflush(stdout);
}

int usage() {
    std::cerr
        << "usage: nearest_points_bench SITES_CSV POINTS_CSV [--threads N] [--out RESULT_CSV]\n";
    return 2;
}

}  // namespace

// Long: the benchmark read top to bottom (arguments, load, each timed pass, the agreement check,
// the JSON lines), so that what is timed is plain to see.
int main(int argc, char** argv) {
    std::vector<std::string> positional;
    unsigned threads = 0;  // 0: no batch pass
    std::string out_path;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--threads" && i + 1 < argc) {
            threads = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
        } else if (arg == "--out" && i + 1 < argc) {
            out_path = argv[++i];
        } else if (arg.starts_with("--")) {
            return usage();
        } else {
            positional.push_back(arg);
        }
    }
    if (positional.size() != 2) return usage();

    try {
        auto t0 = Clock::now();
        std::vector<sitecover::Site> sites =
            sitecover::geodata::load_sites({positional[0], "", "", ""}).sites;
        print_result("load_sites", 1, sites.size(), seconds_since(t0));

        t0 = Clock::now();
        const Points points = read_points(positional[1]);
        print_result("read_points_untimed_in_ratio", 1, points.positions.size(), seconds_since(t0));

        t0 = Clock::now();
        const sitecover::SiteIndex index(std::move(sites));
        print_result("build", 1, index.sites().size(), seconds_since(t0));

        // Single-threaded: one nearest() per point, exact distance, stored (as a caller would).
        const std::size_t n = points.positions.size();
        std::vector<sitecover::Neighbour> single(n);
        t0 = Clock::now();
        for (std::size_t i = 0; i < n; ++i) {
            const std::optional<sitecover::Neighbour> hit = index.nearest(points.positions[i]);
            if (hit) single[i] = *hit;
        }
        print_result("nearest", 1, n, seconds_since(t0));

        // The same with every distance by Karney (DistanceMethod::Karney), the reference path.
        {
            const sitecover::SiteIndex karney(index.sites(), {sitecover::DistanceMethod::Karney});
            std::size_t differ = 0;
            t0 = Clock::now();
            for (std::size_t i = 0; i < n; ++i) {
                const std::optional<sitecover::Neighbour> hit = karney.nearest(points.positions[i]);
                if (hit && hit->site != single[i].site) ++differ;
            }
            print_result("nearest_karney", 1, n, seconds_since(t0));
            if (differ != 0) {
                std::cerr << "nearest_points_bench: fast and Karney nearest sites differ for "
                          << differ << " points\n";
                return 1;
            }
        }

        // k = 5 and within 19 km, one thread; answers kept as a caller would.
        std::size_t hits = 0;
        t0 = Clock::now();
        for (std::size_t i = 0; i < n; ++i) hits += index.k_nearest(points.positions[i], 5).size();
        print_result("k_nearest5", 1, n, seconds_since(t0));
        t0 = Clock::now();
        for (std::size_t i = 0; i < n; ++i)
            hits += index.within(points.positions[i], 19'000.0).size();
        print_result("within19km", 1, n, seconds_since(t0));
        std::fprintf(stderr, "(%zu hits)\n", hits);

        if (threads > 0) {
            t0 = Clock::now();
            const sitecover::BatchResult batch = sitecover::k_nearest_batch(
                index, points.positions, 1, std::numeric_limits<double>::infinity(), threads);
            print_result("k_nearest_batch", sitecover::resolve_thread_count(threads), n,
                         seconds_since(t0));
            std::size_t differ = 0;
            for (std::size_t i = 0; i < n; ++i) {
                if (batch.offset[i + 1] - batch.offset[i] != 1 ||
                    !(batch.hits[batch.offset[i]] == single[i])) {
                    ++differ;
                }
            }
            if (differ != 0) {
                std::cerr << "nearest_points_bench: batch and single-threaded answers differ for "
                          << differ << " points\n";
                return 1;
            }
        }

        if (!out_path.empty()) {
            std::ofstream out(out_path);
            if (!out) throw std::runtime_error("cannot write " + out_path);
            out << "id,site_id,distance_m\n";
            char buffer[64];
            for (std::size_t i = 0; i < n; ++i) {
                const auto [end, ec] =
                    std::to_chars(buffer, buffer + sizeof buffer, single[i].distance_m,
                                  std::chars_format::fixed, 6);
                (void)ec;
                out << points.ids[i] << ',' << index.sites()[single[i].site].id << ','
                    << std::string_view(buffer, static_cast<std::size_t>(end - buffer)) << '\n';
            }
            if (!out) throw std::runtime_error("error writing " + out_path);
        }
    } catch (const std::exception& e) {
        std::cerr << "nearest_points_bench: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
