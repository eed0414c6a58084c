//! Parsing the three bundled CV versions. Counts were established by hand
//! (reading each section and counting its numbered items); every expected
//! field below was written from the CV text, not from the parser's output.

mod common;
use common::{check, cv, section_counts};

const J: &str = "Journal Articles";
const C: &str = "Contributions to Conference Proceedings and Workshops";

/// The diagnostics about items read (skipped sections are reported apart).
fn read_diagnostics(p: &publist::Parsed) -> Vec<&publist::Diagnostic> {
    p.diagnostics
        .iter()
        .filter(|d| d.code != publist::Code::SkippedSection)
        .collect()
}

fn counts(list: &[(&str, usize)]) -> Vec<(String, usize)> {
    list.iter().map(|(s, n)| (s.to_string(), *n)).collect()
}

#[test]
fn section_counts_2022() {
    let p = cv("cv-2022.md");
    // Journal 1-20, conference 1-17, chapters 1-4, preprints 1-9; no books section.
    assert_eq!(
        section_counts(&p),
        counts(&[(J, 20), (C, 17), ("Book Chapters", 4), ("Preprints", 9)])
    );
    assert_eq!(p.items, 50);
    assert!(read_diagnostics(&p).is_empty(), "{:#?}", p.diagnostics);
}

#[test]
fn section_counts_2025_06() {
    let p = cv("cv-2025-06.md");
    // 27 + 39 + 1 + 4 + 18 = 89, the "# Publications 89" the CV itself states.
    assert_eq!(
        section_counts(&p),
        counts(&[
            (J, 27),
            (C, 39),
            ("Books", 1),
            ("Book Chapters", 4),
            ("Preprints", 18)
        ])
    );
    assert_eq!(p.items, 89);
    let diags: Vec<String> = read_diagnostics(&p).iter().map(|d| d.to_string()).collect();
    assert_eq!(
        diags,
        [
            "cv-2025-06.md:400: warning: \"2835–8856\" is the journal's ISSN, not pages; kept as ISSN",
            "cv-2025-06.md:419: warning: \"2835–8856\" is the journal's ISSN, not pages; kept as ISSN",
            "cv-2025-06.md:503: warning: no separator between the authors in \"Samek W Lapuschkin S\"; read as 2 names",
        ]
    );
}

#[test]
fn section_counts_2025_09() {
    let p = cv("cv-2025-09.txt");
    // 32 + 44 + 1 + 4 + 15 = 96, the "# Publications 96" the CV itself states.
    assert_eq!(
        section_counts(&p),
        counts(&[
            (J, 32),
            (C, 44),
            ("Books", 1),
            ("Book Chapters", 4),
            ("Preprints", 15)
        ])
    );
    assert_eq!(p.items, 96);
    assert!(read_diagnostics(&p).is_empty(), "{:#?}", p.diagnostics);
}

#[test]
fn other_sections_do_not_leak_in() {
    // (file, first line of the publication part)
    for (name, first_line) in [
        ("cv-2022.md", 224),
        ("cv-2025-06.md", 398),
        ("cv-2025-09.txt", 393),
    ] {
        let p = cv(name);
        for r in &p.references {
            assert!(
                r.sources[0].at.line > first_line,
                "{name}: {} at {}",
                r.title,
                r.sources[0].at.line
            );
            // Talk titles that are numbered items in the Talks sections.
            for talk in [
                "Finding Clever Hans",
                "AI – Opening the Black Box",
                "Beyond Explaining",
                "Towards Actionable XAI",
            ] {
                assert_ne!(r.title, talk, "{name}");
            }
            assert!(
                !r.title.contains("Relevance Score Assignment"),
                "patent leaked: {name}"
            );
        }
    }
}

#[test]
fn fields_2025_06() {
    let p = cv("cv-2025-06.md");
    // One line with title and venue; ISSN where pages would be; "| note" after a link.
    check(
        &p,
        400,
        "
        journal-article 2025
        title: Evaluating Interpretable Methods via Geometric Alignment of Functional Distortions
        authors: Hedström A.; Bommer P. L.; Burns T. F.; Lapuschkin S.; Samek W.; Höhne M.-C. M.
        in: Transactions on Machine Learning Research
        ids: issn=2835-8856
        link: code https://github.com/annahedstroem/GEF/
        note: award TMLR Survey Certification
        at: cv-2025-06.md:400 #1 Journal Articles",
    );
    // Curly quotes, volume:article-number.
    check(
        &p,
        403,
        "
        journal-article 2025
        title: Explaining Predictive Uncertainty by Exposing Second-Order Effects
        authors: Bley F.; Lapuschkin S.; Samek W.; Montavon G.
        in: Pattern Recognition
        locator: volume=160 article=111171
        link: code https://github.com/florianbley/XAI-2ndOrderUncertainty
        at: cv-2025-06.md:403 #2 Journal Articles",
    );
    // vol(issue):pages with en dash; two links separated by " | ".
    check(&p, 415, "
        journal-article 2023
        title: From attribution maps to human-understandable explanations through Concept Relevance Propagation
        authors: Achibat R.; Dreyer M.; Eisenbraun I.; Bosse S.; Wiegand T.; Samek W.; Lapuschkin S.
        in: Nature Machine Intelligence
        locator: volume=5 issue=9 pages=1006-1019
        link: code https://github.com/rachtibat/zennit-crp
        link: code https://github.com/maxdreyer/crp-human-study
        at: cv-2025-06.md:415 #5 Journal Articles");
    // A long numeric article id.
    check(&p, 433, "
        journal-article 2022
        title: Towards Trustworthy AI in Dentistry
        authors: Ma J.; Schneider L.; Lapuschkin S.; Achibat R.; Durchrau M.; Krois J.; Schwendicke F.; Samek W.
        in: Journal of Dental Research
        locator: article=00220345221106086
        at: cv-2025-06.md:433 #10 Journal Articles");
    // Article id with letters; a non-code link.
    check(&p, 436, "
        journal-article 2022
        title: Causes of Outcome Learning: A Causal Inference-inspired Machine Learning Approach to Disentangling Common Combinations of Potential Causes of a Health Outcome
        authors: Rieckmann A.; Dworzynski P.; Arras L.; Lapuschkin S.; Samek W.; Onyebuchi A. A.; Rod N. H.; Ekstrøm C. T.
        in: International Journal of Epidemiology
        locator: article=dyac078
        link: code https://github.com/ekstroem/cool
        link: page https://www.causesofoutcomelearning.org
        at: cv-2025-06.md:436 #11 Journal Articles");
    // 3(2):14:1–27 and Raberger A-M.
    check(&p, 440, "
        journal-article 2022
        title: Explaining Machine Learning Models for Clinical Gait Analysis
        authors: Slijepcevic D.; Horst F.; Lapuschkin S.; Horsak B.; Raberger A.-M.; Kranzl A.; Samek W.; Breiteneder C.; Schöllhorn W. I.; Zeppelzauer M.
        in: ACM Transactions on Computing for Healthcare
        locator: volume=3 issue=2 pages=1-27 article=14
        link: code https://github.com/sebastian-lapuschkin/explaining-deep-clinical-gait-classification
        at: cv-2025-06.md:440 #12 Journal Articles");
    // "- In:" continuation bullet after a blank line; [text\\_x](url) links.
    check(&p, 453, "
        journal-article 2021
        title: Pruning by Explaining: A Novel Criterion for Deep Neural Network Pruning
        authors: Yeom S.-K.; Seegerer P.; Lapuschkin S.; Binder A.; Wiedemann S.; Müller K.-R.; Samek W.
        in: Pattern Recognition
        locator: volume=115 article=107899
        link: code https://github.com/seulkiyeom/LRP_pruning
        link: code https://github.com/seulkiyeom/LRP_Pruning_toy_example
        at: cv-2025-06.md:453 #16 Journal Articles");
    // Indented "  18.", Raberger AM and Schöllhorn WI without spaces, issue S1.
    check(&p, 462, "
        journal-article 2020
        title: Explaining Automated Gender Classification of Human Gait
        authors: Horst F.; Slijepcevic D.; Zeppelzauer M.; Raberger A. M.; Lapuschkin S.; Samek W.; Schöllhorn W. I.; Breiteneder C.; Horsak B.
        in: Gait & Posture
        locator: volume=81 issue=S1 pages=159-160
        at: cv-2025-06.md:462 #18 Journal Articles");
    // The owner's former name; 10(7):e0130140.
    check(&p, 493, "
        journal-article 2015
        title: On Pixel-wise Explanations for Non-Linear Classifier Decisions by Layer-wise Relevance Propagation
        authors: Bach S.; Binder A.; Montavon G.; Klauschen F.; Müller K.-R.; Samek W.
        in: PLoS ONE
        locator: volume=10 issue=7 article=e0130140
        at: cv-2025-06.md:493 #27 Journal Articles");
    // "Samek W **Lapuschkin S**" without "and"; Yolcu GÜ; "* ." after the venue.
    check(&p, 503, "
        conference-paper 2024
        title: Quanda: An Interpretability Toolkit for Training Data Attribution Evaluation and Beyond
        authors: Bareeva D.; Yolcu G. Ü.; Hedström A.; Wiegand T.; Samek W.; Lapuschkin S.
        in: NeurIPS 2024 Workshop on Attributing Model Behavior at Scale (ATTRIB 2024)
        link: code https://github.com/dilyabareeva/quanda
        at: cv-2025-06.md:503 #2 Contributions to Conference Proceedings and Workshops");
    // An italic award line after the link.
    check(&p, 507, "
        conference-paper 2024
        title: PINNfluence: Influence Functions for Physics-Informed Neural Networks
        authors: Naujoks J. R.; Krasowski A.; Weckbecker M.; Wiegand T.; Lapuschkin S.; Samek W.; Klausen R. P.
        in: NeurIPS 2024 Workshop on Machine Learning and the Physical Sciences (ML4PS)
        link: code https://github.com/aleks-krasowski/PINNfluence
        note: award Reproducibility Badge Winner
        at: cv-2025-06.md:507 #3 Contributions to Conference Proceedings and Workshops");
    // "(OpenReview)" mark; Höhne M M-C.
    check(
        &p,
        515,
        "
        conference-paper 2024
        title: CoSy: Evaluating Textual Explanations of Neurons
        authors: Kopf L.; Bommer P. L.; Hedström A.; Lapuschkin S.; Höhne M. M.-C.; Bykov K.
        in: Advances in Neural Information Processing Systems (NeuRIPS)
        locator: pages=34656-34685
        link: code https://github.com/lkopf/cosy
        note: access OpenReview
        at: cv-2025-06.md:515 #4 Contributions to Conference Proceedings and Workshops",
    );
    // TBA pages and an open-access mark.
    check(&p, 523, "
        conference-paper 2024
        title: Synthetic Generation of Dermatoscopic Images with GAN and Closed-Form Factorization
        authors: Mekala R. R.; Pahde F.; Baur S.; Chandrashekar S.; Diep M.; Wenzel M. A.; Wisotzky E. L.; Yolcu G. Ü.; Lapuschkin S.; Ma J.; Eisert P.; Lindvall M.; Porter A.; Samek W.
        in: ECCV 2024 Workshop on Synthetic Data for Computer Vision (SyntheticData4CV)
        locator: pages=[TBA]
        note: access Green Open Access
        at: cv-2025-06.md:523 #6 Contributions to Conference Proceedings and Workshops");
    // A broken autolink "<url | Spotlight Paper>".
    check(&p, 541, "
        conference-paper 2024
        title: PURE: Turning Polysemantic Neurons Into Pure Features by Identifying Relevant Circuits
        authors: Dreyer M.; Pürelku E.; Vielhaben J.; Samek W.; Lapuschkin S.
        in: Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) Workshops
        locator: pages=8212-8217
        link: code https://github.com/maxdreyer/PURE
        note: award Spotlight Paper
        at: cv-2025-06.md:541 #11 Contributions to Conference Proceedings and Workshops");
    // "- “Title”" continuation bullet; an OpenReview id in parentheses.
    check(&p, 563, "
        conference-paper 2023
        title: Sanity Checks Revisited: An Exploration to Repair the Model Parameter Randomisation Test
        authors: Hedström A.; Weber L.; Lapuschkin S.; Höhne M. M.-C.
        in: NeurIPS 2023 Workshop on XAI (XAI in Action: Past, Present, and Future Applications)
        ids: openreview=vVpefYmnsG
        at: cv-2025-06.md:563 #17 Contributions to Conference Proceedings and Workshops");
    check(&p, 584, "
        conference-paper 2022
        title: Selection of XAI Methods Matters: Evaluation of Feature Attribution Methods for Oculomotoric Biometric Identification
        authors: Krakowczyk D. G.; Reich D. R.; Prasse P.; Lapuschkin S.; Jäger L. A.; Scheffer T.
        in: NeurIPS 2022 Workshop on Gaze Meets ML
        ids: openreview=GOLDAP2AtI
        at: cv-2025-06.md:584 #23 Contributions to Conference Proceedings and Workshops");
    // Curly apostrophe and "!" inside the title.
    check(&p, 611, "
        conference-paper 2018
        title: How to iNNvestigate Neural Networks’ Predictors!
        authors: Alber M.; Lapuschkin S.; Seegerer P.; Hägele M.; Schütt K. T.; Montavon G.; Samek W.; Müller K.-R.; Dähne S.; Kindermans P.-J.
        in: Machine Learning Open Source Software: Sustainable Communities. NIPS Workshop
        at: cv-2025-06.md:611 #32 Contributions to Conference Proceedings and Workshops");
    // A blank line inside the item; the year written where the volume would be.
    check(&p, 614, "
        conference-paper 2017
        title: Understanding and Comparing Deep Neural Networks for Age and Gender Classification
        authors: Lapuschkin S.; Binder A.; Müller K.-R.; Samek W.
        in: Proceedings of the ICCV'17 Workshop on Analysis and Modeling of Faces and Gestures (AMFG)
        locator: pages=1629-1638
        at: cv-2025-06.md:614 #33 Contributions to Conference Proceedings and Workshops");
    // Editors marker, publisher (place), four ISBNs with part labels over two lines.
    check(&p, 641, "
        book 2024
        title: Explainable Artificial Intelligence (Second World Conference, xAI 2024, Valletta, Malta, July 17–19, 2024, Proceedings, Part I-IV)
        editors: Longo L.; Lapuschkin S.; Seifert C.
        publisher: Springer, Cham
        ids: isbn=978-3-031-63787-2,978-3-031-63797-1,978-3-031-63800-8,978-3-031-63803-9
        at: cv-2025-06.md:641 #1 Books");
    // Escaped star in the title; "Springer, Cham".
    check(
        &p,
        648,
        "
        chapter 2022
        title: ECQ*: Explainability-Driven Quantization for Low-Bit and Sparse DNNs
        authors: Becking D.; Dreyer M.; Samek W.; Müller K.; Lapuschkin S.
        in: xxAI – Beyond Explainable AI
        locator: pages=271-296
        publisher: Springer, Cham
        at: cv-2025-06.md:648 #1 Book Chapters",
    );
    // Series inside the italic book title; publisher on the next line.
    check(
        &p,
        654,
        "
        chapter 2016
        title: Layer-wise Relevance Propagation for Deep Neural Network Architectures
        authors: Binder A.; Bach S.; Montavon G.; Müller K.-R.; Samek W.
        in: Information Science and Applications (ICISA) 2016
        series: Lecture Notes in Electrical Engineering
        locator: volume=276 pages=913-922
        publisher: Springer, Singapore
        at: cv-2025-06.md:654 #3 Book Chapters",
    );
    check(
        &p,
        664,
        "
        preprint 2025
        title: Relevance-driven Input Dropout: an Explanation-guided Regularization Technique
        authors: Gururaj S.; Grüne L.; Samek W.; Lapuschkin S.; Weber L.
        ids: arxiv=2505.21595
        link: code https://github.com/Shreyas-Gururaj/LRP_Relevance_Dropout
        at: cv-2025-06.md:664 #1 Preprints",
    );
    check(
        &p,
        675,
        "
        preprint 2025
        title: Dyslexify: A Mechanistic Defense Against Typographic Attacks in CLIP
        authors: Hufe L.; Venhoff C.; Dreyer M.; Lapuschkin S.; Samek W.
        ids: openreview=yFPsLBa53p
        at: cv-2025-06.md:675 #4 Preprints",
    );
    // Nine-character OpenReview id; Hugging Face link; acceptance note.
    check(&p, 688, "
        preprint 2025
        title: Prisma: An Open Source Toolkit for Mechanistic Interpretability in Vision and Video
        authors: Joseph S.; Suresh P.; Hufe L.; Stevinson E.; Graham R.; Vadi Y.; Bzdok D.; Lapuschkin S.; Sharkey L.; Richards B. A.
        ids: openreview=2WpymqWQm
        link: resource https://huggingface.co/Prisma-Multimodal
        link: code https://github.com/soniajoseph/ViT-Prisma
        note: acceptance Accepted for publication at the MIV Workshop during CVPR 2025
        at: cv-2025-06.md:688 #8 Preprints");
    // "Demo: <url>" and an acceptance note with italics.
    check(
        &p,
        710,
        "
        preprint 2025
        title: Mechanistic understanding and validation of large AI models with SemanticLens
        authors: Dreyer M.; Berend J.; Labarta T.; Vielhaben J.; Wiegand T.; Lapuschkin S.; Samek W.
        ids: arxiv=2501.05398
        link: code https://github.com/jim-berend/semanticlens
        link: demo https://semanticlens.hhi-research-insights.eu/umap-view
        note: acceptance Accepted for publication in Nature Machine Intelligence
        at: cv-2025-06.md:710 #13 Preprints",
    );
    check(
        &p,
        730,
        "
        preprint 2014
        title: Detecting Behavioural and Structural Anomalies in Media-Cloud Applications
        authors: Schwenk G.; Bach S.
        ids: arxiv=1409.8035
        at: cv-2025-06.md:730 #18 Preprints",
    );
}

#[test]
fn fields_2022() {
    let p = cv("cv-2022.md");
    // "- 1." then "  - "Title". In: ... (pre-proof)" on a nested bullet.
    check(
        &p,
        228,
        "
        journal-article 2022
        title: Beyond Explaining: Opportunities and Challenges of XAI-Based Model Improvement
        authors: Weber L.; Lapuschkin S.; Binder A.; Samek W.
        in: Information Fusion
        note: status pre-proof
        at: cv-2022.md:228 #1 Journal Articles",
    );
    check(&p, 230, "
        journal-article 2022
        title: Towards the Interpretability of Deep Learning Models for Multi-modal Neuroimaging: Finding Structural Changes of the Ageing Brain
        authors: Hofmann S. M.; Beyer F.; Lapuschkin S.; Golterman O.; Loeffler M.; Müller K.-R.; Villringer A.; Samek W.; Witte A. V.
        in: NeuroImage
        locator: volume=261 article=119504
        at: cv-2022.md:230 #2 Journal Articles");
    // Plain URLs with escaped underscores.
    check(&p, 250, "
        journal-article 2021
        title: Pruning by Explaining: A Novel Criterion for Deep Neural Network Pruning
        authors: Yeom S.-K.; Seegerer P.; Lapuschkin S.; Binder A.; Wiedemann S.; Müller K.-R.; Samek W.
        in: Pattern Recognition
        locator: volume=115 article=107899
        link: code https://github.com/seulkiyeom/LRP_pruning
        link: code https://github.com/seulkiyeom/LRP_Pruning_toy_example
        at: cv-2022.md:250 #9 Journal Articles");
    // Item whose parts are separated by blank lines.
    check(&p, 259, "
        journal-article 2020
        title: Explaining Automated Gender Classification of Human Gait
        authors: Horst F.; Slijepcevic D.; Zeppelzauer M.; Raberger A. M.; Lapuschkin S.; Samek W.; Schöllhorn W. I.; Breiteneder C.; Horsak B.
        in: Gait & Posture
        locator: volume=81 issue=S1 pages=159-160
        at: cv-2022.md:259 #11 Journal Articles");
    check(
        &p,
        289,
        "
        journal-article 2017
        title: Explaining NonLinear Classification Decisions with Deep Taylor Decomposition
        authors: Montavon G.; Lapuschkin S.; Binder A.; Samek W.; Müller K.-R.
        in: Pattern Recognition
        locator: volume=65 pages=211-222
        note: award Pattern Recognition Best Paper Award and Pattern Recognition Medal winner
        at: cv-2022.md:289 #16 Journal Articles",
    );
    check(
        &p,
        307,
        "
        journal-article 2016
        title: The Layer-wise Relevance Propagation Toolbox for Artificial Neural Networks
        authors: Lapuschkin S.; Binder A.; Montavon G.; Müller K.-R.; Samek W.
        in: Journal of Machine Learning Research
        locator: volume=17 issue=114 pages=1-5
        link: code https://github.com/sebastian-lapuschkin/lrp_toolbox
        at: cv-2022.md:307 #19 Journal Articles",
    );
    // LaTeX math remnant: "$PLoS\ ONE\ 10(7)$ :e0130140".
    check(&p, 313, "
        journal-article 2015
        title: On Pixel-wise Explanations for Non-Linear Classifier Decisions by Layer-wise Relevance Propagation
        authors: Bach S.; Binder A.; Montavon G.; Klauschen F.; Müller K.-R.; Samek W.
        in: PLoS ONE
        locator: volume=10 issue=7 article=e0130140
        at: cv-2022.md:313 #20 Journal Articles");
    // An 11-character OpenReview id in parentheses.
    check(&p, 319, "
        conference-paper 2022
        title: Selection of XAI Methods Matters: Evaluation of Feature Attribution Methods for Oculomotoric Biometric Identification
        authors: Krakowczyk D.; Reich D. R.; Prasse P.; Lapuschkin S.; Jäger L. A.; Scheffer T.
        in: NeuRIPS 2022 Workshop on Gaze Meets ML
        ids: openreview=GOLdDAP2AtI
        at: cv-2022.md:319 #1 Contributions to Conference Proceedings and Workshops");
    check(&p, 331, "
        conference-paper 2022
        title: Explain to Not Forget: Defending Against Catastrophic Forgetting with XAI
        authors: Ede S.; Baghdadlian S.; Weber L.; Nguyen A.; Zanca D.; Samek W.; Lapuschkin S.
        in: Proceedings of the International Cross-Domain Conference for Machine Learning and Knowledge Extraction (CD-MAKE)
        locator: pages=1-18
        note: access gold open access link
        at: cv-2022.md:331 #3 Contributions to Conference Proceedings and Workshops");
    // "- 7." with a nested title bullet and an unbulleted venue line.
    check(
        &p,
        355,
        "
        conference-paper 2020
        title: Understanding Image Captioning Models beyond Visualizing Attention
        authors: Sun J.; Lapuschkin S.; Samek W.; Binder A.
        in: XXAI: Extending Explainable AI Beyond Deep Models and Classifiers. ICML Workshop
        at: cv-2022.md:355 #7 Contributions to Conference Proceedings and Workshops",
    );
    check(&p, 371, "
        conference-paper 2018
        title: How to iNNvestigate Neural Networks' Predictors!
        authors: Alber M.; Lapuschkin S.; Seegerer P.; Hägele M.; Schütt K. T.; Montavon G.; Samek W.; Müller K.-R.; Dähne S.; Kindermans P.-J.
        in: Machine Learning Open Source Software: Sustainable Communities. NIPS Workshop
        at: cv-2022.md:371 #10 Contributions to Conference Proceedings and Workshops");
    // " . Best paper award winner" after the venue.
    check(
        &p,
        393,
        "
        conference-paper 2016
        title: Analyzing and Validating Neural Network Predictions
        authors: Binder A.; Samek W.; Montavon G.; Bach S.; Müller K.-R.
        in: Proceedings of the ICML'16 Workshop on Visualization for Deep Learning
        note: award Best paper award winner
        at: cv-2022.md:393 #14 Contributions to Conference Proceedings and Workshops",
    );
    check(
        &p,
        403,
        "
        conference-paper 2016
        title: Deep Taylor Decomposition of Neural Networks
        authors: Montavon G.; Bach S.; Binder A.; Samek W.; Müller K.-R.
        in: Proceedings of the ICML'16 Workshop on Visualization for Deep Learning
        locator: pages=1-3
        at: cv-2022.md:403 #16 Contributions to Conference Proceedings and Workshops",
    );
    check(
        &p,
        415,
        "
        chapter 2022
        title: ECQX: Explainability-Driven Quantization for Low-Bit and Sparse DNNs
        authors: Becking D.; Dreyer M.; Samek W.; Müller K.; Lapuschkin S.
        in: xxAI – Beyond Explainable AI
        locator: pages=271-296
        publisher: Springer, Cham
        at: cv-2022.md:415 #1 Book Chapters",
    );
    check(&p, 430, "
        chapter 2016
        title: Layer-wise Relevance Propagation for Neural Networks with Local Renormalization Layers
        authors: Binder A.; Montavon G.; Lapuschkin S.; Müller K.-R.; Samek W.
        in: Lecture Notes in Computer Science
        locator: volume=9887 pages=63-71
        publisher: Springer, Berlin/Heidelberg
        at: cv-2022.md:430 #4 Book Chapters");
    // Quotes inside the quoted title.
    check(
        &p,
        448,
        r#"
        preprint 2022
        title: From "Where" to "What": Towards Human-Understandable Explanations through Concept Relevance Propagation
        authors: Achtibat R.; Dreyer M.; Eisenbraun I.; Bosse S.; Wiegand T.; Samek W.; Lapuschkin S.
        ids: arxiv=2206.03208
        link: code https://github.com/rachtibat/zennit-crp
        at: cv-2022.md:448 #3 Preprints"#,
    );
    // Broken italics "*CoRR abs*/2202.06861", link and note on the same line.
    check(&p, 460, "
        preprint 2022
        title: Quantus: An Explainable AI Toolkit for Responsible Evaluation of Neural Network Explanations
        authors: Hedström A.; Weber L.; Bareeva D.; Motzkus F.; Samek W.; Lapuschkin S.; Höhne M.-C. M.
        ids: arxiv=2202.06861
        link: code https://github.com/understandable-machine-intelligence-lab/quantus
        note: acceptance Accepted for publication in JMLR (June 2022)
        at: cv-2022.md:460 #5 Preprints");
    check(
        &p,
        462,
        "
        preprint 2022
        title: PatClArC: Using Pattern Concept Activation Vectors for Noise-Robust Model Debugging
        authors: Pahde F.; Weber L.; Anders C. J.; Samek W.; Lapuschkin S.
        ids: arxiv=2202.03482
        at: cv-2022.md:462 #6 Preprints",
    );
    check(&p, 468, "
        preprint 2021
        title: Software for Dataset-wide XAI: From Local Explanations to Global Insights with Zennit, CoRelAy, and ViRelAy
        authors: Anders C. J.; Neumann D.; Samek W.; Müller K.-R.; Lapuschkin S.
        ids: arxiv=2106.13200
        link: code https://github.com/chr5tphr/zennit
        link: code https://github.com/virelay/corelay
        link: code https://github.com/virelay/virelay
        at: cv-2022.md:468 #7 Preprints");
    check(
        &p,
        474,
        "
        preprint 2018
        title: Interpreting and Explaining Deep Neural Networks for Classification of Audio Signals
        authors: Becker S.; Ackermann M.; Lapuschkin S.; Müller K.-R.; Samek W.
        ids: arxiv=1807.03418
        link: code https://github.com/soerenab/AudioMNIST
        at: cv-2022.md:474 #8 Preprints",
    );
    check(
        &p,
        480,
        "
        preprint 2014
        title: Detecting Behavioural and Structural Anomalies in Media-Cloud Applications
        authors: Schwenk G.; Bach S.
        ids: arxiv=1409.8035
        at: cv-2022.md:480 #9 Preprints",
    );
}

#[test]
fn fields_2025_09() {
    let p = cv("cv-2025-09.txt");
    // $\hbox{``...''}$ title from PDF extraction; "Demo:" link.
    check(
        &p,
        397,
        "
        journal-article 2025
        title: Mechanistic Understanding and Validation of Large AI Models with Semantic Lens
        authors: Dreyer M.; Berend J.; Labarta T.; Vielhaben J.; Wiegand T.; Lapuschkin S.; Samek W.
        in: Nature Machine Intelligence
        locator: pages=1-14
        link: code https://github.com/jim-berend/semanticlens
        link: demo https://semanticlens.hhi-research-insights.eu
        at: cv-2025-09.txt:397 #1 Journal Articles",
    );
    // Brackets in the title; en dashes inside the journal name.
    check(&p, 413, "
        journal-article 2025
        title: Künstliche Intelligenz auf dem Prüfstand: Anforderungen, Qualitätskriterien und Prüfwerkzeuge für medizinische Anwendungen [Artificial intelligence under scrutiny: requirements, quality criteria, and testing tools for medical applications]
        authors: Ma J.; Weicken E.; Pahde F.; Weitz K.; Lapuschkin S.; Samek W.; Wiegand T.
        in: Bundesgesundheitsblatt – Gesundheitsforschung – Gesundheitsschutz
        locator: volume=68 pages=915-923
        at: cv-2025-09.txt:413 #3 Journal Articles");
    // Particle "de Lange T".
    check(&p, 419, "
        journal-article 2025
        title: Exploring the Clinical Value of Concept-based AI Explanations in Gastrointestinal Disease Detection
        authors: Storås A. M.; Dreyer M.; Pahde F.; Lapuschkin S.; Samek W.; Halvorsen P.; de Lange T.; Mori Y.; Hann A.; Berzin T. M.; Parasa S.; Riegler M. A.
        in: Scientific Reports
        locator: volume=15 issue=1 article=28860
        link: code https://github.com/AndreaStoraas/conceptXAI-GItract
        at: cv-2025-09.txt:419 #4 Journal Articles");
    // A bare OpenReview id where pages would be.
    check(&p, 425, "
        journal-article 2025
        title: Efficient and Flexible Neural Network Training through Layer-wise Feedback Propagation
        authors: Weber L.; Berend J.; Weckbecker M.; Binder A.; Wiegand T.; Samek W.; Lapuschkin S.
        in: Transactions on Machine Learning Research
        ids: openreview=9oToxYVOSW
        link: code https://github.com/leanderweber/layerwise-feedback-propagation
        at: cv-2025-09.txt:425 #5 Journal Articles");
    // {\tt MetaQuantus''} inside the LaTeX title.
    check(&p, 469, "
        journal-article 2023
        title: The Meta-Evaluation Problem in Explainable AI: Identifying Reliable Estimators with MetaQuantus
        authors: Hedström A.; Bommer P.; Wickstrøm K. K.; Samek W.; Lapuschkin S.; Höhne M.-C. M.
        in: Transactions on Machine Learning Research
        ids: openreview=j3FK00HyfU
        link: code https://github.com/annahedstroem/MetaQuantus
        at: cv-2025-09.txt:469 #11 Journal Articles");
    check(&p, 497, "
        journal-article 2022
        title: Towards Trustworthy AI in Dentistry
        authors: Ma J.; Schneider L.; Lapuschkin S.; Achtibat R.; Duchrau M.; Krois J.; Schwendicke F.; Samek W.
        in: Journal of Dental Research
        locator: article=00220345221106086
        at: cv-2025-09.txt:497 #15 Journal Articles");
    // Two URLs glued by "|".
    check(&p, 501, "
        journal-article 2022
        title: Causes of Outcome Learning: A Causal Inference-inspired Machine Learning Approach to Disentangling Common Combinations of Potential Causes of a Health Outcome
        authors: Rieckmann A.; Dworzynski P.; Arras L.; Lapuschkin S.; Samek W.; Onyebuchi A. A.; Rod N. H.; Ekstrøm C. T.
        in: International Journal of Epidemiology
        locator: article=dyac078
        link: code https://github.com/ekstroem/cool
        link: page https://www.causesofoutcomelearning.org
        at: cv-2025-09.txt:501 #16 Journal Articles");
    // An arXiv URL gives the arXiv id.
    check(
        &p,
        617,
        "
        conference-paper 2025
        title: See What I Mean? CUE: A Cognitive Model of Understanding Explanations
        authors: Labarta T.; Hoang N.; Weitz K.; Samek W.; Lapuschkin S.; Weber L.
        in: Proceedings of the IJCAI Workshops 2025: XAI Workshop
        ids: arxiv=2506.14775
        link: arxiv https://arxiv.org/abs/2506.14775
        at: cv-2025-09.txt:617 #1 Contributions to Conference Proceedings and Workshops",
    );
    check(&p, 649, "
        conference-paper 2025
        title: Prisma: An Open Source Toolkit for Mechanistic Interpretability in Vision and Video
        authors: Joseph S.; Suresh P.; Hufe L.; Stevinson E.; Graham R.; Vadi Y.; Bzdok D.; Lapuschkin S.; Sharkey L.; Richards A.
        in: Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) Workshops: MIV Workshop
        locator: pages=[TBA]
        ids: arxiv=2504.19475
        link: arxiv https://arxiv.org/abs/2504.19475
        link: code https://github.com/Prisma-Multimodal/ViT-Prisma
        at: cv-2025-09.txt:649 #5 Contributions to Conference Proceedings and Workshops");
    // Whole item on one line; italic venue followed by ". url".
    check(&p, 657, "
        conference-paper 2025
        title: Navigating Neural Space: Revisiting Concept Activation Vectors to Overcome Directional Divergence
        authors: Pahde F.; Dreyer M.; Weckbecker M.; Weber L.; Anders C. J.; Wiegand T.; Samek W.; Lapuschkin S.
        in: Proceedings of the International Conference on Learning Representations (ICLR)
        link: code https://github.com/frederikpahde/pattern-cav
        at: cv-2025-09.txt:657 #6 Contributions to Conference Proceedings and Workshops");
    // A year inside the venue name is not a locator; the series volume is.
    check(&p, 687, "
        conference-paper 2024
        title: Synthetic Generation of Dermatoscopic Images with GAN and Closed-Form Factorization
        authors: Mekala R. R.; Pahde F.; Baur S.; Chandrashekar S.; Diep M.; Wenzel M. A.; Wisotzky E. L.; Yolcu G. Ü.; Lapuschkin S.; Ma J.; Eisert P.; Lindvall M.; Porter A.; Samek W.
        in: ECCV 2024 Workshop on Synthetic Data for Computer Vision (SyntheticData4CV)
        locator: volume=15642 pages=368-384
        note: access Green Open Access
        at: cv-2025-09.txt:687 #11 Contributions to Conference Proceedings and Workshops");
    // Italics inside the parenthesised note.
    check(&p, 701, "
        conference-paper 2024
        title: Pruning By Explaining Revisited: Optimizing Attribution Methods to Prune CNNs and Transformers
        authors: Hatefi S. M. V.; Dreyer M.; Achtibat R.; Wiegand T.; Samek W.; Lapuschkin S.
        in: Proceedings of the European Conference on Computer Vision (ECCV) Workshops
        locator: pages=152-169
        link: code https://github.com/erfanhatefi/Pruning-by-eXplaining-in-PyTorch
        note: access Green Open Access
        at: cv-2025-09.txt:701 #13 Contributions to Conference Proceedings and Workshops");
    // "- 21." with the title on the same line as the authors.
    check(
        &p,
        753,
        "
        conference-paper 2023
        title: XAI-based Comparison of Audio Event Classifiers with different Input Representations
        authors: Frommholz A.; Seipel F.; Lapuschkin S.; Samek W.; Vielhaben J.
        in: Proceedings of the International Conference on Content-based Multimedia Indexing (CBMI)
        locator: pages=126-132
        at: cv-2025-09.txt:753 #21 Contributions to Conference Proceedings and Workshops",
    );
    check(&p, 757, "
        conference-paper 2023
        title: Sanity Checks Revisited: An Exploration to Repair the Model Parameter Randomisation Test
        authors: Hedström A.; Weber L.; Lapuschkin S.; Höhne M. M.-C.
        in: NeuRIPS 2023 Workshop on XAIX (XAI in Action: Past, Present, and Future Applications)
        ids: openreview=vVpefYmnsG
        at: cv-2025-09.txt:757 #22 Contributions to Conference Proceedings and Workshops");
    // OCR slip "Drever" is kept as written: the merge decides, not the parser.
    check(&p, 772, "
        conference-paper 2023
        title: Revealing Hidden Context Bias in Segmentation and Object Detection through Concept-specific Explanations
        authors: Drever M.; Achtibat R.; Wiegand T.; Samek W.; Lapuschkin S.
        in: Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) Workshops
        locator: pages=3828-3838
        at: cv-2025-09.txt:772 #25 Contributions to Conference Proceedings and Workshops");
    check(&p, 859, "
        book 2024
        title: Explainable Artificial Intelligence (Second World Conference, xAI 2024, Valletta, Malta, July 17–19, 2024, Proceedings, Part I-IV)
        editors: Longo L.; Lapuschkin S.; Seifert C.
        publisher: Springer, Cham
        ids: isbn=978-3-031-63787-2,978-3-031-63797-1,978-3-031-63800-8,978-3-031-63803-9
        at: cv-2025-09.txt:859 #1 Books");
    // OCR damage in the title is kept as written.
    check(
        &p,
        869,
        r#"
        chapter 2022
        title: ECQ": Explainability-Driven Quantization for Low-Bit and Sparse DNNs
        authors: Becking D.; Dreyer M.; Samek W.; Müller K.; Lapuschkin S.
        in: xxAI – Beyond Explainable AI
        locator: pages=271-296
        publisher: Springer, Cham
        at: cv-2025-09.txt:869 #1 Book Chapters"#,
    );
    check(
        &p,
        909,
        "
        preprint 2025
        title: Towards Mechanistic Defenses Against Typographic Attacks in CLIP
        authors: Hufe L.; Venhoff C.; Dreyer Q. M.; Lapuschkin S.; Samek W.
        ids: arxiv=2508.20570
        at: cv-2025-09.txt:909 #3 Preprints",
    );
    check(&p, 915, "
        preprint 2025
        title: Attribution-guided Pruning for Compression, Circuit Discovery, and Targeted Correction in LLMs
        authors: Hatefi S. M. V.; Dreyer M.; Achtibat R.; Kahardipraja P.; Wiegand T.; Samek W.; Lapuschkin S.
        ids: arxiv=2506.13727
        link: code https://github.com/erfanhatefi/SparC3
        at: cv-2025-09.txt:915 #4 Preprints");
    check(&p, 943, "
        preprint 2025
        title: Manipulating Feature Visualizations with Gradient Slingshots
        authors: Bareeva D.; Höhne M. M. C.; Warnecke A.; Pirch L.; Müller K.-R.; Rieck K.; Lapuschkin S.; Bykov K.
        ids: arxiv=2401.06122
        link: code https://github.com/dilyabareeva/grad_slingshot
        note: acceptance Accepted for publication at NeurIPS 2025
        at: cv-2025-09.txt:943 #9 Preprints");
    check(
        &p,
        983,
        "
        preprint 2014
        title: Detecting Behavioural and Structural Anomalies in Media-Cloud Applications
        authors: Schwenk G.; Bach S.
        ids: arxiv=1409.8035
        at: cv-2025-09.txt:983 #15 Preprints",
    );
}

#[test]
fn every_item_is_accounted_for() {
    for name in ["cv-2022.md", "cv-2025-06.md", "cv-2025-09.txt"] {
        let p = cv(name);
        assert_eq!(p.items, p.references.len() + p.errors().count(), "{name}");
    }
}
