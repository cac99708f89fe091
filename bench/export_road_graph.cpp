// Diagnostic export of the CSR road graph for bench/compare_roads.py: writes the edges, the
// source nodes and sitecover's multi-source labels, and times sitecover's query on them.
//
//   build/bench/export_road_graph ROAD_FILE OUT_PREFIX
// Writes OUT_PREFIX.edges.txt ("n m" then "tail head time_s" per edge), OUT_PREFIX.sources.txt
// (one node per line) and OUT_PREFIX.labels.txt (seconds to the nearest source, inf when none).
// Sources: the nodes nearest to the France Services within 5 km of a road; when there are none
// (extracts outside France), 20 random nodes (fixed seed).

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
#include "sitecover/geodata/road_loader.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/road_graph.hpp"
#include "sitecover/road_query.hpp"
#include "sitecover/road_snapper.hpp"

int main(int argc, char** argv) {
    using namespace sitecover;
    if (argc != 3) {
        std::cerr << "usage: export_road_graph ROAD_FILE OUT_PREFIX\n";
        return 2;
    }
    try {
        const char* env = std::getenv("SITECOVER_DATA");
        const std::string data = env != nullptr ? env : SITECOVER_BENCH_DATA_DIR;
        const RoadNetwork net = geodata::load_roads({argv[1], "", "", ""}).network;
        const RoadGraph graph(net);
        const RoadSnapper snapper(graph);
        std::vector<RoadNode> sources;
        for (const Site& s :
             geodata::load_sites({data + "/france/france-services-2024-08-01.csv", "", "", ""})
                 .sites) {
            if (const auto snap = snapper.snap(s.position, 5000.0)) {
                const auto& seg = graph.segments()[snap->segment];
                sources.push_back(snap->fraction < 0.5 ? seg.a : seg.b);
            }
        }
        if (sources.empty()) {
            std::mt19937_64 rng(7);
            std::uniform_int_distribution<RoadNode> node(
                0, static_cast<RoadNode>(graph.node_count() - 1));
            for (int i = 0; i < 20; ++i) sources.push_back(node(rng));
        }
        std::sort(sources.begin(), sources.end());
        sources.erase(std::unique(sources.begin(), sources.end()), sources.end());

        // Sites exactly on their nodes: zero initial cost, the same problem scipy solves.
        std::vector<Site> sites(sources.size());
        std::vector<std::optional<RoadSnap>> snaps;
        for (std::size_t i = 0; i < sources.size(); ++i) {
            sites[i].id = std::to_string(i);
            sites[i].position = graph.position(sources[i]);
            snaps.push_back(snapper.snap(sites[i].position, 1.0));
        }
        RoadQuery query(graph);
        std::vector<double> ms;
        for (int run = 0; run < 21; ++run) {
            const auto t0 = std::chrono::steady_clock::now();
            query.run(snaps, sites);
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count());
        }
        std::sort(ms.begin(), ms.end());

        const std::string prefix = argv[2];
        std::ofstream edges(prefix + ".edges.txt");
        edges << graph.node_count() << " " << graph.edge_count() << "\n";
        edges.precision(17);
        for (std::size_t e = 0; e < graph.edge_count(); ++e) {
            edges << graph.tail()[e] << " " << graph.head()[e] << " " << graph.time_s()[e] << "\n";
        }
        std::ofstream(prefix + ".sources.txt") << [&] {
            std::string s;
            for (const RoadNode v : sources) s += std::to_string(v) + "\n";
            return s;
        }();
        std::ofstream labels(prefix + ".labels.txt");
        labels.precision(17);
        for (RoadNode v = 0; v < graph.node_count(); ++v) labels << query.node_cost(v) << "\n";
        std::cout << "nodes " << graph.node_count() << " edges " << graph.edge_count()
                  << " sources " << sources.size() << " sitecover_query_ms_median "
                  << ms[ms.size() / 2] << "\n";
        return 0;
    } catch (const Error& e) {
        std::cerr << "export_road_graph: error: " << e.what() << "\n";
        return 3;
    }
}
