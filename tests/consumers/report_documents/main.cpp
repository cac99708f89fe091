// The documents of `sitecover report` from an embedding program: one request (ReportJob), one
// call (run_report), the GeoPackage and the HTML page written all or none. Prints the title
// and the files written.
// Usage: report_documents GEODATA_DIR OUT_DIR
#include <filesystem>
#include <iostream>
#include <string>

#include "sitecover/error.hpp"
#include "sitecover/report/report_job.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: report_documents GEODATA_DIR OUT_DIR\n";
        return 2;
    }
    namespace report = sitecover::report;
    try {
        std::filesystem::create_directories(argv[2]);
        report::ReportJob job;
        job.study.data_dir = argv[1];  // the Gers defaults: cantons, communes, sites, population
        job.map.context = "none";
        job.map.map_roads = "none";
        job.outputs.gpkg_path = std::string(argv[2]) + "/gers.gpkg";
        job.outputs.html_path = std::string(argv[2]) + "/gers.html";
        job.outputs.overwrite = true;
        job.lang = report::Lang::En;
        const report::ReportOutcome outcome = report::run_report(job);
        std::cout << outcome.model.title() << "\n";
        std::cout << "wrote " << outcome.staged.gpkg->target() << " and "
                  << outcome.staged.html->target() << "\n";
    } catch (const sitecover::Error& e) {
        std::cerr << "report_documents: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
