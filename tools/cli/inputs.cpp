#include "inputs.hpp"

#include <iostream>
#include <sstream>

#include "flag_spelling.hpp"
#include "sitecover/geodata/area_loader.hpp"
#include "sitecover/geodata/output_format.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/report/data_dir.hpp"

namespace sitecover::cli {
namespace {

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) items.push_back(item);
    }
    return items;
}

}  // namespace

// SiteFilter's error in the words of the command line.
UsageError site_types_error(const UnknownSiteTypeError& e, const std::string& path) {
    std::string unmatched, present;
    for (const std::string& t : e.unmatched())
        unmatched += (unmatched.empty() ? "'" : ", '") + t + "'";
    for (const std::string& t : e.present())
        present += (present.empty() ? "" : ", ") + (t.empty() ? "(empty)" : t);
    return UsageError("option '--site-types': no site of type " + unmatched + " in " + path +
                      " (types present: " + (present.empty() ? "none" : present) + ")");
}

void warn_undated(const LoadedSiteSet& set) {
    if (set.undated > 0) {
        warn(std::to_string(set.undated) +
             " site(s) without a readable labelling date left out by --as-of");
    }
}

std::filesystem::path find_data_dir(const std::string& explicit_dir) {
    return report::find_data_dir(explicit_dir, kDataDirHint);
}

std::string target_srs(const Options& options) {
    const std::string srs = options.get("--t-srs");
    if (srs.empty() && options.has("--t-srs"))
        throw UsageError("option '--t-srs': give a CRS, e.g. EPSG:2154");
    if (const auto problem = geodata::check_target_srs(srs); !srs.empty() && problem) {
        throw UsageError("option '--t-srs': " + *problem);
    }
    return srs;
}

void declare_quiet_option(Options& options) {
    options.flag("--quiet", "print nothing but warnings and errors (no progress line, no summary)");
}

std::ostream& summary_stream(const Options& options, bool table_on_stdout) {
    OutputOptions output;
    output.quiet = options.has("--quiet");
    output.path = table_on_stdout ? "-" : "(a file)";
    return summary_stream(output);
}

OutputOptions read_output_options(const Options& options) {
    OutputOptions output;
    output.path = options.get("--output", "-");
    output.format = options.get("--format");
    output.t_srs = target_srs(options);
    output.overwrite = options.has("--overwrite");
    output.quiet = options.has("--quiet");
    return output;
}

report::TableOutput table_output(const OutputOptions& output) {
    // The style of a GeoPackage layer speaks the environment's language, as the report does.
    return {output.path, output.format, output.t_srs, output.overwrite,
            report::lang_from_environment()};
}

geodata::TableOptions table_options(const OutputOptions& output, const std::string& layer,
                                    geodata::GeometryKind geometry) {
    return report::table_options(table_output(output), layer, geometry);
}

std::ostream& summary_stream(const OutputOptions& output) {
    static std::ostream discard(nullptr);  // a stream without buffer writes nothing
    if (output.quiet) return discard;
    return output.to_stdout() ? std::cerr : std::cout;
}

report::GroupRule group_rule(const std::string& text) {
    if (auto rule = report::GroupRule::parse(text)) return *rule;
    throw UsageError("option '--group-by': '" + text +
                     "' is not 'dep' (département of INSEE codes) or 'prefix:N' (first N "
                     "characters of the code)");
}

void warn(const std::string& message) { std::cerr << "sitecover: warning: " << message << "\n"; }

report::WarningSink warning_sink() {
    return [](const Message& message) { warn(cli_text(message)); };
}

void declare_data_options(Options& options) {
    options.group("Data");
    options.value(
        "--data", "DIR",
        "geodata directory for the defaults (else $SITECOVER_DATA, else ../shared/geodata)");
}

void declare_area_options(Options& options) {
    options.group("Areas (default: the 17 cantons of the Gers)");
    options.value("--areas", "FILE", "polygon layer of the areas (any GDAL vector format)");
    options.value("--areas-layer", "NAME", "layer to read when the file holds several");
    options.value("--areas-where", "EXPR", "OGR SQL attribute filter on the areas");
    options.value("--area-code-field", "NAME", "field holding the area code (default: code)");
    options.value("--area-name-field", "NAME", "field holding the area name (default: nom)");
    options.value("--areas-crs", "CRS",
                  "CRS of an areas file that declares none (default: WGS84 lon/lat)");
}

void declare_site_options(Options& options) {
    options.group("Sites (default: the 2,845 France Services of the ANCT list)");
    options.value("--sites", "FILE", "point layer, or table with longitude/latitude columns");
    options.value("--sites-layer", "NAME", "layer to read when the file holds several");
    options.value("--sites-where", "EXPR", "OGR SQL attribute filter, e.g. \"insee_dep = '32'\"");
    options.value("--site-types", "LIST", "keep these site types only, e.g. Principal,Antenne");
    options.value("--as-of", "YYYY-MM-DD", "keep sites labelled on or before this date");
    options.value("--site-id-field", "NAME", "site id field (default: id_fs)");
    options.value("--site-name-field", "NAME", "site name field (default: lib_fs)");
    options.value("--site-lon-field", "NAME", "longitude column of a table (default: longitude)");
    options.value("--site-lat-field", "NAME", "latitude column of a table (default: latitude)");
    options.value("--site-type-field", "NAME", "site type field (default: type_fs)");
    options.value("--site-dep-field", "NAME", "site department field (default: insee_dep)");
    options.value("--site-date-field", "NAME", "labelling date field (default: labellisation_fs)");
    options.value("--sites-crs", "CRS",
                  "CRS of a sites file that declares none (default: WGS84 lon/lat)");
}

void declare_output_options(Options& options) {
    options.group("Output");
    options.value("--output", "FILE",
                  "table to write (.csv, .geojson, .gpkg...); default: CSV on stdout", "-o");
    options.value("--format", "DRIVER", "GDAL driver name when the extension is not enough", "-f");
    declare_t_srs_option(options);
    options.flag("--overwrite", "replace an existing output file");
}

void declare_t_srs_option(Options& options) {
    options.value("--t-srs", "CRS",
                  "CRS of the vector outputs, as ogr2ogr -t_srs (e.g. EPSG:2154); default WGS84");
}

void declare_origin_options(Options& options, OriginKinds kinds) {
    const bool tables = kinds == OriginKinds::LayersAndTables;
    options.group("Origins (default: the 462 communes of the Gers)");
    options.value("--from", "FILE",
                  tables ? "polygon layer (one origin per polygon), point layer, or CSV id,lon,lat"
                         : "polygon layer (one origin per polygon) or point layer");
    options.value("--from-layer", "NAME", "layer to read when the file holds several");
    options.value("--from-where", "EXPR", "OGR SQL attribute filter on the origins");
    options.value("--from-code-field", "NAME", "origin code field (default: code, or id)");
    options.value("--from-name-field", "NAME", "origin name field (default: nom; optional)");
    if (tables) {
        options.value("--lon-field", "NAME",
                      "longitude column of a table of points (default: lon)");
        options.value("--lat-field", "NAME", "latitude column of a table of points (default: lat)");
    }
    options.value("--from-crs", "CRS",
                  "CRS of an origins file that declares none (default: WGS84 lon/lat)");
    options.value("--origin", "RULE",
                  tables
                      ? "point of a polygon: point-on-surface (default, always inside) or centroid"
                      : "point of a polygon: point-on-surface (default) or centroid");
    if (tables) {
        options.value("--origin-points", "FILE",
                      "take each polygon's origin from this point layer, joined by code");
        options.value("--origin-points-code-field", "NAME",
                      "code field of --origin-points (default: code)");
    }
}

geodata::OriginRule origin_rule(const Options& options) {
    const std::string rule = options.get("--origin", "point-on-surface");
    if (rule != "point-on-surface" && rule != "centroid") {
        throw UsageError(
            "option '--origin': '" + rule + "' is not 'point-on-surface' or 'centroid'" +
            (options.declares("--origin-points") ? " (use --origin-points FILE for a point layer)"
                                                 : ""));
    }
    return rule == "centroid" ? geodata::OriginRule::Centroid : geodata::OriginRule::PointOnSurface;
}

OriginLayer origin_layer(const Options& options, bool with_defaults) {
    OriginLayer layer;
    layer.rule = origin_rule(options);
    layer.source =
        layer_source(options, "--from", with_defaults ? report::defaults::kCommunes : nullptr);
    layer.fields.code = options.get("--from-code-field", layer.fields.code);
    layer.fields.name = options.get("--from-name-field", layer.fields.name);
    layer.fields.lon = options.get("--lon-field", layer.fields.lon);
    layer.fields.lat = options.get("--lat-field", layer.fields.lat);
    return layer;
}

std::vector<geodata::Origin> load_origin_set(const OriginLayer& layer) {
    return report::load_origin_set(layer, warning_sink());
}

std::vector<geodata::Origin> load_origin_set(const Options& options, std::string& path) {
    const OriginLayer layer = origin_layer(options);
    path = layer.source.path;
    return load_origin_set(layer);
}

std::string input_path(const Options& options, const std::string& option,
                       const char* default_relative) {
    if (options.has(option)) return options.get(option);
    if (default_relative == nullptr) return "";
    return (find_data_dir(options.get("--data")) / default_relative).string();
}

geodata::LayerSource layer_source(const Options& options, const std::string& option,
                                  const char* default_relative) {
    return {input_path(options, option, default_relative), options.get(option + "-layer"),
            options.get(option + "-where"), options.get(option + "-crs")};
}

SiteFilter site_filter(const Options& options) {
    SiteFilter filter;
    if (options.has("--as-of")) {
        const std::string as_of = options.get("--as-of");
        if (!is_iso_date(as_of))
            throw UsageError("option '--as-of': '" + as_of + "' is not a date YYYY-MM-DD");
        filter.as_of_iso = as_of;
    }
    filter.types = split_list(options.get("--site-types"));
    if (options.has("--site-types") && filter.types.empty()) {
        throw UsageError("option '--site-types': give at least one type, e.g. Principal,Antenne");
    }
    return filter;
}

SiteSetOptions site_set_options(const Options& options, bool with_defaults) {
    SiteSetOptions o;
    o.filter = site_filter(options);  // usage errors before the data directory is looked for
    o.source = layer_source(options, "--sites", with_defaults ? report::defaults::kSites : nullptr);
    o.fields.id = options.get("--site-id-field", o.fields.id);
    o.fields.name = options.get("--site-name-field", o.fields.name);
    o.fields.lon = options.get("--site-lon-field", o.fields.lon);
    o.fields.lat = options.get("--site-lat-field", o.fields.lat);
    o.fields.kind = options.get("--site-type-field", o.fields.kind);
    o.fields.department = options.get("--site-dep-field", o.fields.department);
    o.fields.labelled_on = options.get("--site-date-field", o.fields.labelled_on);
    return o;
}

LoadedSiteSet load_site_set(const SiteSetOptions& options) {
    LoadedSiteSet set;
    try {
        set = report::load_site_set(options, warning_sink());
    } catch (const UnknownSiteTypeError& e) {
        throw site_types_error(e, options.source.path);
    }
    warn_undated(set);
    return set;
}

report::AreaRequest area_request(const Options& options, bool with_defaults) {
    report::AreaRequest request;
    request.source =
        layer_source(options, "--areas", with_defaults ? report::defaults::kAreas : nullptr);
    request.fields.code = options.get("--area-code-field", request.fields.code);
    request.fields.name = options.get("--area-name-field", request.fields.name);
    return request;
}

std::vector<Area> load_area_set(const Options& options, std::string& path) {
    const report::AreaRequest request = area_request(options);
    path = request.source.path;
    return report::load_area_set(request);
}

}  // namespace sitecover::cli
