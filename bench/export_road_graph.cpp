// The road pipeline phase by phase, and an export of the graph for bench/compare_roads.py.
//
//   build/bench/export_road_graph ROAD_FILE OUT_PREFIX [--origins FILE] [--runs N]
//
// Times, with the peak resident memory after each: load (geodata::load_roads), graph build
// (RoadGraph), R-tree build (RoadSnapper), snapping the 2,845 France Services, the
// multi-source Dijkstra from them (RoadQuery::run, median of N runs, default 21), and, with
// --origins, loading those origins and answering each (snap + nearest). One "phase ..." line
// per phase on stdout, then one "key value" line for the script.
//
// Then the scipy problem, the same graph with every site moved onto its nearest node (zero
// initial cost): writes OUT_PREFIX.indptr / .indices / .data (the reverse graph in CSR, int32,
// int32, float64 seconds: scipy's csr_matrix arrays as raw little-endian), OUT_PREFIX.sources
// (int32 nodes) and OUT_PREFIX.labels (float64, sitecover's seconds to the nearest source,
// inf when none), and times sitecover's query on that problem (median of N runs). When no site
// lies within 5 km of a road (extracts outside France), 20 random nodes (seed 7) are the sources.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "sitecover/error.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"

namespace {

using namespace sitecover;
using Clock = std::chrono::steady_clock;

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

// User + system CPU seconds of the process so far: on a shared machine the fair figure.
double cpu_s() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// One line per phase: wall seconds, CPU seconds since the previous line, peak memory so far.
void phase(const char* name, double seconds, const std::string& detail = "") {
    static double cpu_before = 0.0;
    const double cpu = cpu_s();
    std::printf("phase %-20s %8.3f s wall %8.3f s cpu  peak %6.0f MB  %s\n", name, seconds,
                cpu - cpu_before, peak_rss_mb(), detail.c_str());
    cpu_before = cpu;
    std::fflush(stdout);
}

// The median of `runs` runs of a query, in milliseconds.
double median_query_ms(RoadQuery& query, const std::vector<std::optional<RoadSnap>>& snaps,
                       const std::vector<Site>& sites, int runs) {
    std::vector<double> ms;
    for (int run = 0; run < runs; ++run) {
        const auto t0 = Clock::now();
        query.run(snaps, sites);
        ms.push_back(seconds_since(t0) * 1000.0);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

template <typename T>
void write_raw(const std::string& path, const std::vector<T>& values) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(values.data()),
              static_cast<std::streamsize>(values.size() * sizeof(T)));
    if (!out.flush()) throw InputError("cannot write " + path);
}

// The reverse graph in CSR (in-edges of each node, from the tail) for scipy.
void export_reverse_csr(const RoadGraph& graph, const std::string& prefix) {
    std::vector<std::int32_t> indptr(graph.first_in().begin(), graph.first_in().end());
    std::vector<std::int32_t> indices(graph.edge_count());
    std::vector<double> data(graph.edge_count());
    for (std::size_t i = 0; i < graph.edge_count(); ++i) {
        indices[i] = static_cast<std::int32_t>(graph.in_edges()[i].tail);
        data[i] = graph.in_edges()[i].time_s;
    }
    write_raw(prefix + ".indptr", indptr);
    write_raw(prefix + ".indices", indices);
    write_raw(prefix + ".data", data);
}

struct Args {
    std::string road_file, prefix, origins;
    int runs = 21;
};

int run(const Args& args) {
    const char* env = std::getenv("SITECOVER_DATA");
    const std::string data = env != nullptr ? env : SITECOVER_BENCH_DATA_DIR;

    auto t0 = Clock::now();
    geodata::LoadedRoads loaded = geodata::load_roads({args.road_file, "", "", ""});
    phase("load", seconds_since(t0),
          std::to_string(loaded.features_read) + " features, " +
              std::to_string(loaded.network.nodes.size()) + " nodes, " +
              std::to_string(loaded.network.edges.size()) + " edges");
    t0 = Clock::now();
    const RoadGraph graph(std::move(loaded.network));
    phase("graph", seconds_since(t0),
          std::to_string(graph.edge_count()) + " edges kept, " +
              std::to_string(graph.segments().size()) + " segments, " +
              std::to_string(graph.component_count()) + " pieces");
    t0 = Clock::now();
    const RoadSnapper snapper(graph);
    phase("rtree", seconds_since(t0));

    t0 = Clock::now();
    const std::vector<Site> sites =
        geodata::load_sites({data + "/france/france-services-2024-08-01.csv", "", "", ""}).sites;
    std::vector<std::optional<RoadSnap>> site_snaps;
    std::size_t on_network = 0;
    for (const Site& s : sites) {
        site_snaps.push_back(snapper.snap(s.position, 5000.0));
        on_network += site_snaps.back().has_value();
    }
    phase("snap sites", seconds_since(t0),
          std::to_string(on_network) + "/" + std::to_string(sites.size()) + " within 5 km");
    RoadQuery query(graph);
    if (on_network > 0) {
        const double ms = median_query_ms(query, site_snaps, sites, args.runs);
        phase("dijkstra (median)", ms / 1000.0, "runs " + std::to_string(args.runs));
    }
    if (!args.origins.empty() && on_network > 0) {
        t0 = Clock::now();
        const std::vector<geodata::Origin> origins =
            geodata::load_origins({args.origins, "", "", ""});
        phase("load origins", seconds_since(t0), std::to_string(origins.size()) + " origins");
        t0 = Clock::now();
        std::size_t reached = 0;
        for (const geodata::Origin& o : origins) {
            if (const auto snap = snapper.snap(o.position, 5000.0))
                reached += query.nearest(*snap).reached();
        }
        phase("queries", seconds_since(t0), std::to_string(reached) + " reached");
    }

    // The scipy problem: sources on nodes.
    std::vector<RoadNode> sources;
    for (const auto& snap : site_snaps) {
        if (!snap) continue;
        const auto& seg = graph.segments()[snap->segment];
        sources.push_back(snap->fraction < 0.5 ? seg.a : seg.b);
    }
    if (sources.empty()) {
        std::mt19937_64 rng(7);
        std::uniform_int_distribution<RoadNode> node(0,
                                                     static_cast<RoadNode>(graph.node_count() - 1));
        for (int i = 0; i < 20; ++i) sources.push_back(node(rng));
    }
    std::sort(sources.begin(), sources.end());
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    std::vector<Site> node_sites(sources.size());
    std::vector<std::optional<RoadSnap>> node_snaps;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        node_sites[i].id = std::to_string(i);
        node_sites[i].position = graph.position(sources[i]);
        node_snaps.push_back(snapper.snap(node_sites[i].position, 1.0));
    }
    const double ms = median_query_ms(query, node_snaps, node_sites, args.runs);
    phase("dijkstra on nodes", ms / 1000.0, std::to_string(sources.size()) + " sources");

    export_reverse_csr(graph, args.prefix);
    write_raw(args.prefix + ".sources", std::vector<std::int32_t>(sources.begin(), sources.end()));
    std::vector<double> labels(graph.node_count());
    for (RoadNode v = 0; v < graph.node_count(); ++v) labels[v] = query.node_cost(v);
    write_raw(args.prefix + ".labels", labels);
    std::cout << "nodes " << graph.node_count() << "\nedges " << graph.edge_count() << "\nsources "
              << sources.size() << "\nsitecover_query_ms_median " << ms << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Args args;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--origins" && i + 1 < argc) {
            args.origins = argv[++i];
        } else if (a == "--runs" && i + 1 < argc) {
            args.runs = std::max(1, std::atoi(argv[++i]));
        } else {
            positional.push_back(a);
        }
    }
    if (positional.size() != 2) {
        std::cerr << "usage: export_road_graph ROAD_FILE OUT_PREFIX [--origins FILE] [--runs N]\n";
        return 2;
    }
    args.road_file = positional[0];
    args.prefix = positional[1];
    try {
        return run(args);
    } catch (const Error& e) {
        std::cerr << "export_road_graph: error: " << e.what() << "\n";
        return 3;
    }
}
