// Which first three letters an actor code may start with.  The country list
// is ISO 3166-1 alpha-3 as published in Debian's iso-codes 4.15
// (/usr/share/iso-codes/json/iso_3166-1.json), compiled in so the check does
// not depend on that package being installed; XKX (Kosovo) is the
// user-assigned code in common use.  Regions and non-state prefixes are
// CAMEO's.
#include <string_view>

#include "cameo/actor_prefixes.h"

namespace parley {
namespace {

constexpr std::string_view kCountries =
    "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT "
    "AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL "
    "BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG "
    "COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM "
    "DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR "
    "GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY "
    "HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA "
    "JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY "
    "LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL "
    "MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM "
    "NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER "
    "PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU "
    "SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR "
    "SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON "
    "TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB "
    "VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE "
    "XKX ";

// CAMEO regions: Africa, Asia, Balkans, Caribbean, Caucasus, Central Africa,
// Central Asia, Central Europe, East Indies, Eastern Africa, Eastern Europe,
// Europe, Latin America, Middle East, Mediterranean, North Africa, North
// America, Persian Gulf, Scandinavia, South America, South Asia, Southeast
// Asia, Southern Africa, West Africa, the West.
constexpr std::string_view kRegions =
    "AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA SAF WAF WST ";

// International governmental / non-governmental / militarised groups,
// multinational corporations, unidentified state actors, and the null code.
constexpr std::string_view kNonState = "IGO NGO IMG MNC UIS --- ";

bool listed(std::string_view list, std::string_view code3) {
  for (size_t i = 0; i + 3 <= list.size(); i += 4)
    if (list.substr(i, 3) == code3) return true;
  return false;
}

}  // namespace

bool known_actor_prefix(std::string_view code) {
  if (code.size() < 3) return false;
  std::string_view p = code.substr(0, 3);
  return listed(kCountries, p) || listed(kRegions, p) || listed(kNonState, p);
}

bool country_prefix(std::string_view code) { return code.size() >= 3 && listed(kCountries, code.substr(0, 3)); }

}  // namespace parley
