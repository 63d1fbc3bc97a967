/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow;

import java.io.IOException;
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

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;

/**
 * Reads and writes {@link Pipeline} documents, validated against {@value #SCHEMA_RESOURCE}. DTDs and external
 * entities are refused (a pipeline file may come from anywhere). Thread-safe after construction.
 */
public final class PipelineXml {
    /** Path of the schema inside the bundle (and on the class path). */
    public static final String SCHEMA_RESOURCE = "/schema/xanesml-pipeline-1.0.xsd";

    private final JAXBContext context;
    private final Schema schema;

    public PipelineXml() {
        try {
            // Not JAXBContext.newInstance: it finds the runtime through the context class loader, which sees it under
            // tycho-surefire but not in the installed product, so the tests would pass and the product fail.
            context = new org.glassfish.jaxb.runtime.v2.JAXBContextFactory()
                    .createContext(new Class<?>[] { Pipeline.class }, Map.of());
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create the JAXB context for pipelines", e);
        }
        URL xsd = PipelineXml.class.getResource(SCHEMA_RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException("pipeline schema " + SCHEMA_RESOURCE + " is missing from the bundle");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            schema = factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("pipeline schema " + xsd + " does not compile", e);
        }
    }

    /**
     * @param source names the document in messages
     * @throws IllegalArgumentException naming source, line and column when the document is no valid pipeline
     */
    public Pipeline read(Reader reader, String source) {
        XMLInputFactory xif = XMLInputFactory.newFactory();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xif.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader xsr = xif.createXMLStreamReader(reader);
            Unmarshaller u = context.createUnmarshaller();
            u.setSchema(schema);
            Object o = u.unmarshal(xsr);
            if (!(o instanceof Pipeline p)) {
                throw new IllegalArgumentException(source + ": root element is not a pipeline");
            }
            return p;
        } catch (JAXBException e) {
            Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
            String detail = cause != null ? cause.getMessage() : e.getMessage();
            if (cause instanceof SAXParseException spe) {
                detail = "line " + spe.getLineNumber() + ", column " + spe.getColumnNumber() + ": " + spe.getMessage();
            }
            throw new IllegalArgumentException(source + ": not a valid xanesml pipeline (" + detail + ")", e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(source + ": cannot parse pipeline XML (" + e.getMessage() + ")", e);
        }
    }

    public Pipeline read(String xml) {
        return read(new StringReader(xml), "pipeline text");
    }

    public Pipeline read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return read(r, file.toString());
        }
    }

    /** @return the pipeline as a schema-valid document */
    public String write(Pipeline pipeline) {
        try {
            Marshaller m = context.createMarshaller();
            m.setSchema(schema);
            m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            StringWriter w = new StringWriter();
            m.marshal(pipeline, w);
            return w.toString();
        } catch (JAXBException e) {
            throw new IllegalArgumentException("pipeline '" + pipeline.name() + "' does not form a valid document: "
                    + (e.getLinkedException() != null ? e.getLinkedException().getMessage() : e.getMessage()), e);
        }
    }
}
