/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.recipe;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;

import org.xanesml.preprocess.PreprocessingException;
import org.xml.sax.SAXException;

/**
 * Reads and writes recipe documents, validating both ways against {@code schema/xanesml-recipe-1.0.xsd}. External
 * entities, DTDs and external schemas are refused (XXE). Thread-safe: the JAXB context and schema are immutable
 * and marshallers are created per call.
 */
public final class RecipeXml {
    /** Path of the schema inside the bundle (and on the class path). */
    public static final String SCHEMA_RESOURCE = "/schema/xanesml-recipe-1.0.xsd";

    private final JAXBContext context;
    private final Schema schema;

    public RecipeXml() {
        try {
            // Not JAXBContext.newInstance: it finds the runtime through the context class loader, which sees it under
            // tycho-surefire but not in the installed product, so the tests would pass and the product fail.
            this.context = new org.glassfish.jaxb.runtime.v2.JAXBContextFactory()
                    .createContext(new Class<?>[] { Recipe.class }, Map.of());
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create the JAXB context for recipes", e);
        }
        URL xsd = RecipeXml.class.getResource(SCHEMA_RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException("recipe schema " + SCHEMA_RESOURCE + " is missing from the bundle");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            this.schema = factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("recipe schema " + xsd + " does not compile", e);
        }
    }

    /** @return the compiled XSD, e.g. to validate documents elsewhere */
    public Schema schema() {
        return schema;
    }

    /**
     * @param source names the document in messages (a file name)
     * @throws PreprocessingException naming the source, line and column when the document is not a valid recipe
     */
    public Recipe read(Reader reader, String source) {
        XMLInputFactory xif = XMLInputFactory.newFactory();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xif.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            // The StAX reader holds nothing but the caller's Reader, which the caller closes.
            XMLStreamReader xsr = xif.createXMLStreamReader(reader);
            Unmarshaller u = context.createUnmarshaller();
            u.setSchema(schema);
            Object o = u.unmarshal(xsr);
            if (!(o instanceof Recipe r)) {
                throw new PreprocessingException(source + ": root element is not a recipe");
            }
            return r;
        } catch (JAXBException e) {
            Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
            String detail = cause != null ? cause.getMessage() : e.getMessage();
            if (cause instanceof org.xml.sax.SAXParseException spe) {
                detail = "line " + spe.getLineNumber() + ", column " + spe.getColumnNumber() + ": " + spe.getMessage();
            }
            throw new PreprocessingException(source + ": not a valid xanesml recipe (" + detail + ")", e);
        } catch (XMLStreamException e) {
            throw new PreprocessingException(source + ": cannot parse recipe XML (" + e.getMessage() + ")", e);
        }
    }

    public Recipe read(String xml) {
        return read(new StringReader(xml), "recipe text");
    }

    public Recipe read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return read(r, file.toString());
        }
    }

    public Recipe read(InputStream in, String source) throws IOException {
        try (Reader r = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            return read(r, source);
        }
    }

    /** @return the recipe as a schema-valid XML document */
    public String write(Recipe recipe) {
        try {
            Marshaller m = context.createMarshaller();
            m.setSchema(schema);
            m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            StringWriter w = new StringWriter();
            m.marshal(recipe, w);
            return w.toString();
        } catch (JAXBException e) {
            throw new PreprocessingException("recipe '" + recipe.name() + "' does not form a valid document: "
                    + (e.getLinkedException() != null ? e.getLinkedException().getMessage() : e.getMessage()), e);
        }
    }
}
