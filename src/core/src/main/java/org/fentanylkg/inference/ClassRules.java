package org.fentanylkg.inference;

import java.util.Arrays;

/** What the engine does when an individual becomes a member of one class (named or anonymous). */
final class ClassRules {
    static final Link[] NO_LINKS = new Link[0];

    /** cax-sco, cax-eqc1/2, cls-int2, cls-uni: x a this ⇒ x a target. */
    Link[] supers = NO_LINKS;
    /** cax-dw, cax-adc, cls-com: x a this and x a target is a contradiction. */
    Link[] disjoint = NO_LINKS;
    /** cls-int1: intersections this class is a part of. */
    int[] partOfIntersections = new int[0];
    /** cls-int1: when this class is an intersection, its parts. */
    int[] intersectionParts;
    int intersectionLicence = -1;
    /** cls-hv1: when this class is (property value value). */
    int hasValueProperty = -1;
    int hasValue;
    int hasValueLicence;
    /** cls-avf: when this class is (property only filler). */
    int allValuesProperty = -1;
    int allValuesFiller;
    int allValuesLicence;
    /** cls-svf1: someValuesFrom restrictions whose filler is this class. */
    PropertyRules.Restriction[] fillerOf = new PropertyRules.Restriction[0];

    void addSuper(Link link) {
        supers = append(supers, link);
    }

    void addDisjoint(Link link) {
        disjoint = append(disjoint, link);
    }

    void addIntersection(int intersection) {
        if (Arrays.stream(partOfIntersections).noneMatch(i -> i == intersection)) {
            partOfIntersections = Arrays.copyOf(partOfIntersections, partOfIntersections.length + 1);
            partOfIntersections[partOfIntersections.length - 1] = intersection;
        }
    }

    void addFillerOf(PropertyRules.Restriction restriction) {
        fillerOf = append(fillerOf, restriction);
    }

    static <T> T[] append(T[] array, T item) {
        T[] grown = Arrays.copyOf(array, array.length + 1);
        grown[array.length] = item;
        return grown;
    }
}
