"""Which places say where a record's events happened, when mentions are grouped into records."""

from dataclasses import replace

from eventwire.assemble import _roundup, _same_area
from eventwire.locate import FoundPlace
from eventwire.models import Location
from eventwire.places import PlaceMention


def place(name, admin1, *, locative=True, reason=None, country="KE"):
    location = Location(name=name, country_code=country, admin1=admin1, lat=0.0, lon=0.0, geo_precision=1,
                        reason=reason)
    return FoundPlace(PlaceMention(name, 0, len(name)), location, 0, locative=locative)


def test_a_sentence_naming_three_first_level_units_sums_up_several_events():
    # "six had been killed in Nairobi, two in Matuu in Machakos County, and one each in Nakuru and Nyeri"
    assert _roundup([place("Nairobi", "Nairobi"), place("Matuu", "Machakos"), place("Nakuru", "Nakuru")])
    assert not _roundup([place("Matuu", "Machakos"), place("Machakos", "Machakos"), place("Nairobi", "Nairobi")])


def test_where_it_happened_decides_not_the_landmark_that_locates_it():
    # "in Matuu, about 70 km east of Nairobi" is not in a record of Nairobi's
    record = [place("Nairobi", "Nairobi")]
    assert not _same_area([place("Matuu", "Machakos"), place("Nairobi", "Nairobi", locative=False)], record)
    assert _same_area([place("Nairobi", "Nairobi", locative=False)], record)


def test_a_name_answered_with_a_unit_the_context_names_is_only_a_guess():
    # an unknown street answered with Machakos County does not put Nairobi's record in Machakos
    record = [place("Nairobi", "Nairobi"), place("Moi Avenue", "Machakos", reason="answered with Machakos")]
    assert not _same_area([place("Matuu", "Machakos")], record)
def test_towns_far_apart_in_one_unit_are_two_places():
    # "a drone hit a car in Bint Jbeil ... Hours later, a strike on a house in Khiam" (about 30 km apart)
    def town(name, lat, lon):
        location = Location(name=name, country_code="LB", admin1="Nabatieh", lat=lat, lon=lon, geo_precision=1)
        return FoundPlace(PlaceMention(name, 0, len(name)), location, 0, locative=True)
    assert not _same_area([town("Khiam", 33.33, 35.61)], [town("Bint Jbeil", 33.12, 35.43)])
    assert _same_area([town("Aynata", 33.11, 35.44)], [town("Bint Jbeil", 33.12, 35.43)])



def test_two_districts_of_one_province_are_two_places():
    def district(name, admin2, *, locative=True):
        location = Location(name=name, country_code="YE", admin1="Marib", admin2=admin2, lat=15.0, lon=45.0,
                            geo_precision=3 if name == admin2 else 1)
        return FoundPlace(PlaceMention(name, 0, len(name)), location, 0, locative=locative)
    assert not _same_area([district("Harib", "Harib")], [district("Sirwah", "Sirwah", locative=False)])
    assert _same_area([district("Sirwah", "Sirwah")], [district("Sirwah", "Sirwah", locative=False)])


def test_a_lead_naming_two_countries_is_no_area_of_its_own():
    # "neutralized nine terrorists in northern Iraq and Syria. Six ... in northern Iraq. Three ... near Ras al-Ayn"
    lead = [place("Iraq", None, country="IQ"), place("Syria", None, country="SY")]
    iraq = [replace(place("Iraq", None, country="IQ"), sent_start=10)]
    assert _same_area([place("Ras al-Ayn", "Hasakah", country="SY")], lead)
    assert not _same_area([place("Ras al-Ayn", "Hasakah", country="SY")], lead + iraq)
