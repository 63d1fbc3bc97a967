/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
/**
 * Processing steps as services, XML pipelines and the runner. A {@link org.xanesml.workflow.ProcessingStep} is
 * discovered by name among the registered services ({@link org.xanesml.workflow.StepServices}); a
 * {@link org.xanesml.workflow.Pipeline} (XML, schema {@code schema/xanesml-pipeline-1.0.xsd}) chains steps with
 * parameters; {@link org.xanesml.workflow.PipelineRunner} runs it on many inputs, or on one at a time; a
 * {@link org.xanesml.workflow.FolderWatcher} finds the files a writer has finished in a watched folder.
 */
@XmlSchema(namespace = Pipeline.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package org.xanesml.workflow;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
