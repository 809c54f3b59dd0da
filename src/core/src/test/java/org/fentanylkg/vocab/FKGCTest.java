package org.fentanylkg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.junit.jupiter.api.Test;

/** The configuration vocabulary lists exactly the terms it declares, each named as its constant (Jena's style). */
class FKGCTest {

    @Test
    void everyDeclaredTermIsListedAndNamedAsItsConstant() throws Exception {
        Set<String> declared = new LinkedHashSet<>();
        for (Field f : FKGC.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || !Resource.class.isAssignableFrom(f.getType()) || f.getName().equals("NAMESPACE")) continue;
            Resource r = (Resource) f.get(null);
            assertEquals(FKGC.NS + f.getName(), r.getURI(), f.getName());
            assertEquals(Character.isLowerCase(f.getName().charAt(0)), r instanceof Property, f.getName() + ": properties lower case, classes upper");
            declared.add(r.getURI());
        }
        Set<String> listed = new LinkedHashSet<>();
        FKGC.terms().forEach(r -> listed.add(r.getURI()));
        assertEquals(declared, listed);
        assertTrue(listed.contains(FKGC.NS + "resultCap"));
        assertEquals("fkgc:publicBase", FKGC.shortForm(FKGC.publicBase));
    }
}
