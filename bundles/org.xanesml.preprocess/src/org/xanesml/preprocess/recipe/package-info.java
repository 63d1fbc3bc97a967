/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
/**
 * Preprocessing recipes: the steps and their parameters, in order, as a JAXB-bound XML document validated by
 * {@code schema/xanesml-recipe-1.0.xsd}. The same {@link org.xanesml.preprocess.recipe.Recipe} object drives the
 * Java API ({@link org.xanesml.preprocess.Preprocessor}) and is stored with every result.
 */
@XmlSchema(namespace = Recipe.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
@XmlAccessorType(XmlAccessType.FIELD)
package org.xanesml.preprocess.recipe;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
