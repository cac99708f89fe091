#include "sitecover/report/report_text.hpp"

#include <algorithm>
#include <array>

namespace sitecover::report {
namespace {

constexpr ReportText kEnglish{
    .html_lang = "en",
    .title_as_of = "{1}: {2} France Services as of {3}",
    .title = "{1}: {2} France Services",
    .covered_count = "{1}/{2} {3} {4}",
    .label_value = "{1}: {2}",
    .subtitle_road = "Travel time by road to the nearest France Services",
    .subtitle_crow = "Distance as the crow flies to the nearest France Services",
    .legend_road = "Travel time by road",
    .legend_crow = "Distance (crow-fly)",
    .site_principal = "France Services (main site)",
    .site_antenne = "France Services antenne",
    .site_outside = "France Services outside the area",
    .site_new = "new site (plan)",
    .commune_with_site = "Commune with a France Services",
    .area_outline = "Canton",
    .area_uncovered = "Canton without a France Services",
    .motorway = "Motorway",
    .main_road = "Other main road",
    .neighbour = "Neighbouring département",
    .scale = "Scale 1:{1}",
    .projection_note = "Projection: {1}; distances: WGS84 geodesic. Made with sitecover {2}.",
    .map_heading_sites = "France Services",
    .map_heading_context = "Context",
    .class_range = "{1} - {2} {3}",
    .class_beyond = "> {1} {2}",
    .source_default =
        "IGN GEOFLA 2016, ADMIN EXPRESS 2018; ANCT France Services list of {1} (Licence Ouverte)",
    .source_roads_default = "Roads: Travel Mapping (OpenStreetMap waypoints)",
    .parameters = "Parameters",
    .p_sites = "Site list",
    .p_sites_date = "Site list date",
    .p_as_of = "Sites labelled by",
    .p_site_types = "Site types",
    .p_sites_where = "Site filter",
    .p_areas = "Areas",
    .p_areas_where = "Area filter",
    .p_origins = "Communes (origins)",
    .p_from_where = "Commune filter",
    .p_population = "Population",
    .p_scenario = "Plan scenario",
    .p_within_km = "Distance threshold",
    .p_within_min = "Travel-time threshold",
    .p_fragile_m = "Fragile margin",
    .p_roads = "Road network",
    .p_roads_where = "Road filter",
    .p_profile = "Speed profile",
    .p_by = "Nearest by road",
    .p_run_date = "Run date",
    .p_version = "sitecover version",
    .v_all = "all",
    .v_none = "none",
    .v_all_dates = "all (no date filter)",
    .v_crow_fly = "none (as the crow flies)",
    .v_default_speeds = "default speeds",
    .v_by_time = "travel time",
    .v_by_distance = "road distance",
    .p_speeds = "Speeds by road class",
    .p_access_speed = "Access speed (straight line to the road)",
    .p_max_snap = "Farthest distance to a road",
    .p_boundary = "Site on an area's boundary",
    .p_origin_rule = "Point of each commune",
    .v_boundary_included = "counts for both areas",
    .v_boundary_excluded = "counts for neither area",
    .v_point_on_surface = "a point inside its outline (point on surface)",
    .v_centroid = "its centroid",
    .v_other_classes = "other classes",
    .intro_road =
        "Travel times by road and distances from each of the {1} communes to its nearest "
        "France Services.",
    .intro_crow =
        "Distances as the crow flies (WGS84 geodesic) from each of the {1} communes to its "
        "nearest France Services.",
    .f_covered = "{1} {2}",
    .f_inside = "France Services inside",
    .f_communes = "communes",
    .f_farthest = "farthest commune (crow-fly)",
    .f_mean_distance = "mean distance",
    .f_within = "communes within {1}",
    .f_longest_trip = "longest trip by road",
    .f_mean_time = "mean travel time",
    .f_population_within = "of {1} inhabitants within {2}",
    .f_inhabitants = "inhabitants",
    .f_access_gini = "Gini of the access index (2SFCA within {1})",
    .f_access_palma = "Palma ratio of the access index (best-served 10 % over worst-served 40 %)",
    .f_fragile = "{3} {1} (best site less than {2} from the boundary)",
    .h_bar = "{1}: {2} {3}",
    .h_map = "Map",
    .h_hist_road = "Travel times of the communes",
    .h_hist_crow = "Distances of the communes",
    .no_answer = "No origin has a nearest site.",
    .t_code = "code",
    .t_name = "name",
    .t_sites = "sites",
    .t_site_ids = "site ids",
    .t_covered = "covered",
    .t_margin = "margin",
    .t_communes = "communes",
    .t_farthest = "farthest commune (crow-fly)",
    .t_longest_trip = "longest trip by road",
    .yes = "yes",
    .no = "NO",
    .fragile = "fragile",
    .h_farthest = "The {1} communes farthest from a site",
    .t_commune = "commune",
    .t_nearest_site = "nearest site",
    .t_distance = "distance",
    .t_nearest_road = "nearest by road",
    .t_by_road = "by road",
    .t_time = "time",
    .t_caption_areas =
        "Coverage of the {1}: sites inside, margin to the boundary, farthest commune",
    .t_caption_farthest = "The {1} communes farthest from their nearest site, farthest first",
    .t_caption_parameters = "What the figures were computed from",
    .t_sort_hint = "Sort by this column",
    .default_area_name = "Study area",
    .department = "Département {1}",
    .none = "none",
    .unreachable = "unreachable",
    .h_sources = "Sources",
    .method_note =
        "Distances: WGS84 ellipsoid geodesics (Karney, PROJ); map in {1}. Made with sitecover "
        "{2}.",
    .l_covered = "covered",
    .l_uncovered = "no site",
    .l_principal = "France Services",
    .l_antenne = "antenne",
    .l_other = "other",
    .l_suggested = "suggested site",
    .l_added = "added site",
    .l_removed = "closed site",
    .s_coverage = "coverage",
    .d_coverage = "areas outlined; those without a site in red",
    .s_distance = "distance",
    .d_distance = "distance as the crow flies to the nearest site",
    .s_travel_time = "travel time",
    .d_travel_time = "travel time by road to the nearest site",
    .s_plan_sites = "sites by change",
    .d_plan_sites = "a plan's sites: suggested, added and closed",
    .s_sites = "sites by type",
    .d_sites = "France Services: principal sites and antennes",
    .s_links = "links",
    .d_links = "each origin to its nearest site",
    .logo_alt = "Logo",
};

constexpr ReportText kFrench{
    .html_lang = "fr",
    .title_as_of = "{1}\u00a0: {2} France services au {3}",
    .title = "{1}\u00a0: {2} France services",
    .covered_count = "{1}/{2} {3} {4}",
    .label_value = "{1}\u00a0: {2}",
    .subtitle_road = "Temps de trajet par la route jusqu’à la France services la plus proche",
    .subtitle_crow = "Distance à vol d’oiseau jusqu’à la France services la plus proche",
    .legend_road = "Temps de trajet par la route",
    .legend_crow = "Distance à vol d’oiseau",
    .site_principal = "France services (site principal)",
    .site_antenne = "Antenne France services",
    .site_outside = "France services hors de la zone",
    .site_new = "nouveau site (plan)",
    .commune_with_site = "Commune dotée en France services",
    .area_outline = "Canton",
    .area_uncovered = "Canton sans France services",
    .motorway = "Autoroute",
    .main_road = "Autre route principale",
    .neighbour = "Département voisin",
    .scale = "Échelle 1:{1}",
    .projection_note =
        "Projection\u00a0: {1}\u00a0; distances géodésiques sur l’ellipsoïde WGS84. Réalisé avec "
        "sitecover {2}.",
    .map_heading_sites = "France services",
    .map_heading_context = "Repères",
    .class_range = "de {1} à {2}\u00a0{3}",
    .class_beyond = "plus de {1}\u00a0{2}",
    .source_default =
        "IGN GEOFLA 2016, ADMIN EXPRESS 2018\u00a0; ANCT, liste des France services du {1} "
        "(Licence "
        "Ouverte)",
    .source_roads_default = "Routes\u00a0: Travel Mapping (points de passage OpenStreetMap)",
    .parameters = "Paramètres",
    .p_sites = "Liste des sites",
    .p_sites_date = "Date de la liste",
    .p_as_of = "Sites labellisés au",
    .p_site_types = "Types de sites",
    .p_sites_where = "Filtre des sites",
    .p_areas = "Zones",
    .p_areas_where = "Filtre des zones",
    .p_origins = "Communes (origines)",
    .p_from_where = "Filtre des communes",
    .p_population = "Population",
    .p_scenario = "Scénario de plan",
    .p_within_km = "Seuil de distance",
    .p_within_min = "Seuil de temps de trajet",
    .p_fragile_m = "Marge fragile",
    .p_roads = "Réseau routier",
    .p_roads_where = "Filtre des routes",
    .p_profile = "Profil de vitesses",
    .p_by = "Plus proche par la route",
    .p_run_date = "Date du calcul",
    .p_version = "Version de sitecover",
    .v_all = "tous",
    .v_none = "aucun",
    .v_all_dates = "tous (sans filtre de date)",
    .v_crow_fly = "aucun (à vol d’oiseau)",
    .v_default_speeds = "vitesses par défaut",
    .v_by_time = "temps de trajet",
    .v_by_distance = "distance par la route",
    .p_speeds = "Vitesses par classe de route",
    .p_access_speed = "Vitesse d’accès (en ligne droite jusqu’à la route)",
    .p_max_snap = "Distance maximale à une route",
    .p_boundary = "Site sur la limite d’une zone",
    .p_origin_rule = "Point de chaque commune",
    .v_boundary_included = "compte pour les deux zones",
    .v_boundary_excluded = "ne compte pour aucune des deux zones",
    .v_point_on_surface = "un point à l’intérieur de son contour",
    .v_centroid = "son centroïde",
    .v_other_classes = "autres classes",
    .intro_road =
        "Temps de trajet par la route et distances de chacune des {1} communes à la France "
        "Services la plus proche.",
    .intro_crow =
        "Distances à vol d’oiseau (géodésiques WGS84) de chacune des {1} communes à la France "
        "Services la plus proche.",
    .f_covered = "{1} {2}",
    .f_inside = "France services dans la zone",
    .f_communes = "communes",
    .f_farthest = "commune la plus éloignée (à vol d’oiseau)",
    .f_mean_distance = "distance moyenne",
    .f_within = "communes à moins de {1}",
    .f_longest_trip = "trajet le plus long par la route",
    .f_mean_time = "temps de trajet moyen",
    .f_population_within = "des {1} habitants à moins de {2}",
    .f_inhabitants = "habitants",
    .f_access_gini = "Gini de l’indice d’accessibilité (2SFCA à moins de {1})",
    .f_access_palma =
        "ratio de Palma de l’indice d’accessibilité (10\u00a0% les mieux servis sur les 40\u00a0% "
        "les moins bien servis)",
    .f_fragile = "{1} {3} (meilleur site à moins de {2} de la limite)",
    .h_bar = "{1}\u00a0: {2} {3}",
    .h_map = "Carte",
    .h_hist_road = "Temps de trajet des communes",
    .h_hist_crow = "Distances des communes",
    .no_answer = "Aucune commune n’a de site le plus proche.",
    .t_code = "code",
    .t_name = "nom",
    .t_sites = "sites",
    .t_site_ids = "identifiants des sites",
    .t_covered = "couvert",
    .t_margin = "marge",
    .t_communes = "communes",
    .t_farthest = "commune la plus éloignée (à vol d’oiseau)",
    .t_longest_trip = "trajet le plus long par la route",
    .yes = "oui",
    .no = "NON",
    .fragile = "fragile",
    .h_farthest = "Les {1} communes les plus éloignées d’un site",
    .t_commune = "commune",
    .t_nearest_site = "site le plus proche",
    .t_distance = "distance",
    .t_nearest_road = "le plus proche par la route",
    .t_by_road = "par la route",
    .t_time = "temps",
    .t_caption_areas =
        "Couverture des {1}\u00a0: sites dans la zone, marge à la limite, commune la plus "
        "éloignée",
    .t_caption_farthest = "Les {1} communes les plus éloignées de leur site le plus proche",
    .t_caption_parameters = "Ce à partir de quoi les chiffres ont été calculés",
    .t_sort_hint = "Trier selon cette colonne",
    .default_area_name = "Zone d’étude",
    .department = "Département {1}",
    .none = "aucun",
    .unreachable = "injoignable",
    .h_sources = "Sources",
    .method_note =
        "Distances\u00a0: géodésiques sur l’ellipsoïde WGS84 (Karney, PROJ)\u00a0; carte en {1}. "
        "Réalisé "
        "avec sitecover {2}.",
    .l_covered = "couvert",
    .l_uncovered = "sans France services",
    .l_principal = "France services",
    .l_antenne = "antenne",
    .l_other = "autre",
    .l_suggested = "site suggéré",
    .l_added = "site ajouté",
    .l_removed = "site fermé",
    .s_coverage = "couverture",
    .d_coverage = "contours des zones\u00a0; en rouge celles sans site",
    .s_distance = "distance",
    .d_distance = "distance à vol d’oiseau jusqu’au site le plus proche",
    .s_travel_time = "temps de trajet",
    .d_travel_time = "temps de trajet par la route jusqu’au site le plus proche",
    .s_plan_sites = "sites par changement",
    .d_plan_sites = "les sites d’un plan\u00a0: suggérés, ajoutés et fermés",
    .s_sites = "sites par type",
    .d_sites = "France services\u00a0: sites principaux et antennes",
    .s_links = "liens",
    .d_links = "chaque origine reliée à son site le plus proche",
    .logo_alt = "Logo",
};

struct Alias {
    const char* field;
    const char* en;
    const char* fr;
};

// The report's GeoPackage fields (all layers; a name means the same in each).
constexpr std::array kAliases{
    Alias{"id", "Site id", "Identifiant du site"},
    Alias{"name", "Name", "Nom"},
    Alias{"type", "Site type", "Type de site"},
    Alias{"labelled_on", "Labelled on", "Date de labellisation"},
    Alias{"department", "Département", "Département"},
    Alias{"area_code", "Canton code", "Code du canton"},
    Alias{"area_name", "Canton", "Canton"},
    Alias{"code", "Code", "Code"},
    Alias{"site_count", "Sites", "Nombre de sites"},
    Alias{"site_ids", "Site ids", "Identifiants des sites"},
    Alias{"covered", "Covered", "Couvert"},
    Alias{"margin_m", "Margin to the boundary (m)", "Marge à la limite (m)"},
    Alias{"origin_count", "Communes", "Nombre de communes"},
    Alias{"worst_distance_m", "Farthest commune: distance (m)",
          "Commune la plus éloignée\u00a0: distance (m)"},
    Alias{"worst_distance_origin", "Farthest commune", "Commune la plus éloignée"},
    Alias{"worst_time_s", "Longest trip (s)", "Trajet le plus long (s)"},
    Alias{"worst_time_origin", "Commune with the longest trip", "Commune au trajet le plus long"},
    Alias{"origin_lon", "Longitude", "Longitude"},
    Alias{"origin_lat", "Latitude", "Latitude"},
    Alias{"site_id", "Nearest site id", "Identifiant du site le plus proche"},
    Alias{"site_name", "Nearest site", "Site le plus proche"},
    Alias{"distance_m", "Distance (m)", "Distance (m)"},
    Alias{"road_site_id", "Nearest site by road: id",
          "Site le plus proche par la route\u00a0: identifiant"},
    Alias{"road_site_name", "Nearest site by road", "Site le plus proche par la route"},
    Alias{"road_distance_m", "Road distance (m)", "Distance par la route (m)"},
    Alias{"travel_time_s", "Travel time (s)", "Temps de trajet (s)"},
    Alias{"population", "Population", "Population"},
    Alias{"access_index", "Access index (2SFCA, sites per 10,000 inhabitants)",
          "Indice d’accessibilité (2SFCA, sites pour 10\u00a0000 habitants)"},
    Alias{"origin_code", "Commune code", "Code de la commune"},
    Alias{"origin_name", "Commune", "Commune"},
    Alias{"by", "Measured", "Mesure"},
    Alias{"site_dep", "Nearest site: département", "Site le plus proche\u00a0: département"},
    Alias{"rank", "Rank", "Rang"},
    Alias{"snap_m", "Distance to the road (m)", "Distance à la route (m)"},
    Alias{"reachable", "Reaches a site by road", "Atteint un site par la route"},
    Alias{"change", "Change", "Changement"},
    Alias{"communes", "Communes served", "Communes desservies"},
    Alias{"site_before", "Nearest site before", "Site le plus proche avant"},
    Alias{"site_after", "Nearest site after", "Site le plus proche après"},
    Alias{"distance_before_m", "Distance before (m)", "Distance avant (m)"},
    Alias{"distance_after_m", "Distance after (m)", "Distance après (m)"},
    Alias{"travel_time_before_s", "Travel time before (s)", "Temps de trajet avant (s)"},
    Alias{"travel_time_after_s", "Travel time after (s)", "Temps de trajet après (s)"},
    Alias{"key", "Key", "Clé"},
    Alias{"label", "Parameter", "Paramètre"},
    Alias{"value", "Value", "Valeur"},
    Alias{"text", "As shown", "Tel qu’affiché"},
};

}  // namespace

const ReportText& report_text(Lang lang) { return lang == Lang::Fr ? kFrench : kEnglish; }

std::string fill(const std::string& pattern, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
            pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const std::size_t k = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (k < args.size()) out += args[k];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

namespace {

std::string first_word(const std::string& noun) { return noun.substr(0, noun.find(' ')); }

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() &&
           text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

bool singular_count(long long count, Lang lang) {
    return lang == Lang::Fr ? (count == 0 || count == 1 || count == -1)
                            : (count == 1 || count == -1);
}

bool feminine(const std::string& plural_noun) {
    const std::string word = noun_for(first_word(plural_noun), 1, Lang::Fr);
    static constexpr std::array kMasculine{"territoire", "périmètre", "secteur", "groupe",
                                           "espace",     "site",      "bassin",  "arrondissement"};
    if (std::find(kMasculine.begin(), kMasculine.end(), word) != kMasculine.end()) return false;
    return ends_with(word, "e") || ends_with(word, "ion") || ends_with(word, "té");
}

}  // namespace

std::string noun_for(const std::string& plural_noun, long long count, Lang lang) {
    if (!singular_count(count, lang)) return plural_noun;
    const std::size_t end = std::min(plural_noun.find(' '), plural_noun.size());
    if (end > 1 && plural_noun[end - 1] == 's' && plural_noun[end - 2] != 's')
        return plural_noun.substr(0, end - 1) + plural_noun.substr(end);
    return plural_noun;
}

std::string covered_word(const std::string& plural_noun, long long count, Lang lang) {
    if (lang == Lang::En) return "covered";
    std::string word = feminine(plural_noun) ? "couverte" : "couvert";
    return singular_count(count, lang) ? word : word + "s";
}

std::string fragile_word(long long count, Lang lang) {
    return lang == Lang::Fr && !singular_count(count, lang) ? "fragiles" : "fragile";
}

std::string road_class_name(const std::string& road_class, Lang lang) {
    struct RoadClass {
        const char* key;
        const char* en;
        const char* fr;
    };
    static constexpr std::array kClasses{
        RoadClass{"motorway", "motorway", "autoroute"},
        RoadClass{"trunk", "trunk road", "voie rapide"},
        RoadClass{"primary", "primary road", "route principale"},
        RoadClass{"secondary", "secondary road", "route secondaire"},
        RoadClass{"tertiary", "tertiary road", "route tertiaire"},
        RoadClass{"departmental", "departmental road", "route départementale"},
        RoadClass{"local", "local road", "voie locale"}};
    for (const RoadClass& c : kClasses) {
        if (road_class == c.key) return lang == Lang::Fr ? c.fr : c.en;
    }
    return road_class;
}

std::string label_value(const std::string& label, const std::string& value, Lang lang) {
    return fill(report_text(lang).label_value, {label, value});
}

std::string field_alias(const std::string& field, Lang lang) {
    for (const Alias& a : kAliases) {
        if (field == a.field) return lang == Lang::Fr ? a.fr : a.en;
    }
    return "";
}

}  // namespace sitecover::report
