-- The FAQ every install starts with (PRODUCT.md: public questions and answers per service, in Arabic, French and
-- English): a few entries for each of the three services, stating the default deadlines and fees. Administrators
-- edit or delete them like any other entry. A service whose FAQ already has entries is left as it is.

INSERT INTO faq_entry (service, position, question_ar, question_fr, question_en, answer_ar, answer_fr, answer_en)
SELECT 'INFORMATION_REQUESTS', seed.* FROM (
SELECT 10 AS position, 'من يحق له طلب الحصول على المعلومات؟' AS question_ar, 'Qui peut demander une information ?' AS question_fr, 'Who may ask for information?' AS question_en,
       'كل مواطنة ومواطن مغربي، وكل أجنبي مقيم بالمغرب بصفة قانونية، طبقا للقانون رقم 31.13، ببطاقة التعريف الوطنية أو ببطاقة الإقامة.' AS answer_ar,
       'Toute citoyenne et tout citoyen marocain, ainsi que toute personne étrangère résidant légalement au Maroc (loi n° 31-13), avec sa carte nationale d''identité ou sa carte de séjour.' AS answer_fr,
       'Every Moroccan citizen, and every foreigner legally resident in Morocco (Law 31-13), with a national identity card or a residence card.' AS answer_en
UNION ALL
SELECT 20, 'ما هو أجل الجواب على طلبي؟', 'Dans quel délai l''organisme répond-il ?', 'How long does the body have to answer?',
       'عشرون يوم عمل، وثلاثة أيام عمل إذا كان الطلب مستعجلا لحماية حياة شخص أو سلامته أو حريته. يبدأ الاحتساب من أول يوم عمل يلي يوم التوصل بالطلب، ولا تحتسب أيام السبت والأحد والعطل الرسمية. ويمكن تمديد الأجل مرة واحدة بالمدة نفسها، مع إخباركم بسبب ذلك قبل انقضاء الأجل الأول.',
       '20 jours ouvrables, ou 3 si la demande est urgente pour protéger la vie, la sécurité ou la liberté d''une personne. Le délai court à partir du premier jour ouvrable qui suit la réception ; les samedis, dimanches et jours fériés ne comptent pas. Il peut être prolongé une fois de la même durée, pour un motif qui vous est communiqué avant la fin du premier délai.',
       '20 working days, or 3 when the request is urgent to protect a person''s life, safety or freedom. Counting starts on the first working day after the request is received; Saturdays, Sundays and public holidays do not count. The time may be extended once by the same length, for a reason you are told before the first deadline.'
UNION ALL
SELECT 30, 'هل الحصول على المعلومات مجاني؟', 'L''accès à l''information est-il gratuit ?', 'Is access to information free?',
       'نعم، الحصول على المعلومات مجاني. غير أنه قد تطلب منكم مصاريف نسخ الوثائق، ويبين مبلغها في الجواب.',
       'Oui, l''accès est gratuit. Seuls des frais de reproduction des copies peuvent vous être demandés ; leur montant figure dans la réponse.',
       'Yes, access is free. Only the cost of reproducing copies may be charged; its amount is stated in the answer.'
UNION ALL
SELECT 40, 'ماذا أفعل إذا رفض طلبي أو كان الجواب جزئيا أو لم أتلق جوابا؟', 'Que faire en cas de refus, de réponse partielle ou d''absence de réponse ?', 'What if my request is refused, partly answered or not answered?',
       'يمكنكم تقديم شكاية إلى رئيس الهيئة داخل أجل عشرين يوم عمل، ويجيب عنها داخل أجل خمسة عشر يوم عمل. وبعد جوابه أو انقضاء هذا الأجل، يمكنكم اللجوء إلى لجنة الحق في الحصول على المعلومات داخل أجل ثلاثين يوما.',
       'Adressez une réclamation au chef de l''organisme dans les 20 jours ouvrables ; il y répond dans les 15 jours ouvrables. Après sa réponse, ou à défaut de réponse, vous pouvez saisir la Commission du droit d''accès à l''information (CDAI) dans les 30 jours.',
       'File an internal complaint with the head of the body within 20 working days; the head answers within 15 working days. After that answer, or without one, you may refer the matter to the Commission for the Right of Access to Information (CDAI) within 30 days.'
) seed
WHERE NOT EXISTS (SELECT 1 FROM faq_entry WHERE service = 'INFORMATION_REQUESTS');

INSERT INTO faq_entry (service, position, question_ar, question_fr, question_en, answer_ar, answer_fr, answer_en)
SELECT 'COMPLAINTS', seed.* FROM (
SELECT 10 AS position, 'كيف أتتبع شكايتي؟' AS question_ar, 'Comment suivre ma plainte ?' AS question_fr, 'How do I follow my complaint?' AS question_en,
       'برقم الشكاية والبريد الإلكتروني الذي قدمتموه عند إيداعها، دون حاجة إلى حساب. وبهما تطلعون على حالتها وتراسلون الإدارة وتضيفون الوثائق.' AS answer_ar,
       'Avec le numéro de la plainte et l''adresse e-mail donnée au dépôt, sans compte. Ils vous permettent d''en suivre l''état, d''écrire à l''administration et d''ajouter des documents.' AS answer_fr,
       'With the complaint number and the e-mail address you gave when filing it; no account is needed. With them you can see its status, write to the administration and add documents.' AS answer_en
UNION ALL
SELECT 20, 'متى تجيب الإدارة؟', 'Quand l''administration répond-elle ?', 'When does the administration answer?',
       'تتكفل الإدارة بشكايتكم أو تحيلها على الإدارة المختصة داخل أجل خمسة عشر يوما، وتجيب عنها داخل أجل ستين يوما من تاريخ التوصل بها.',
       'L''administration prend en charge votre plainte, ou la transmet à l''administration compétente, dans les 15 jours, et y répond dans les 60 jours qui suivent sa réception.',
       'The administration takes up your complaint, or transfers it to the competent administration, within 15 days, and answers it within 60 days of receiving it.'
UNION ALL
SELECT 30, 'ماذا أفعل إذا لم يرضني الجواب؟', 'Que faire si la réponse ne me satisfait pas ?', 'What if the answer does not satisfy me?',
       'قيموا الجواب، ثم أعيدوا فتح الشكاية مع بيان السبب إلى غاية نهاية اليوم الثلاثين الموالي للجواب، مرتين على الأكثر، فتتوفر الإدارة على أجل جديد مدته ستون يوما. أما التقييم بالرضا فيغلق الشكاية فورا، والشكاية التي لم يعد فتحها تغلق عند انتهاء هذا الأجل.',
       'Évaluez la réponse, puis rouvrez la plainte en indiquant pourquoi, jusqu''à la fin du trentième jour qui suit la réponse et deux fois au plus : l''administration dispose alors de 60 nouveaux jours. Une évaluation satisfaite clôt la plainte aussitôt ; une plainte qui n''est pas rouverte est close à la fin de ce délai.',
       'Rate the answer, then reopen the complaint with your reason until the end of the thirtieth day after the answer, at most twice: the administration then has 60 new days. A satisfied rating closes the complaint at once; a complaint that is not reopened closes when that time ends.'
UNION ALL
SELECT 40, 'ما الفرق بين الشكاية والملاحظة والاقتراح؟', 'Quelle différence entre une plainte, une observation et une suggestion ?', 'What is the difference between a complaint, an observation and a suggestion?',
       'تنتظر الشكاية جوابا من الإدارة. أما الملاحظة والاقتراح فتتوصل بهما الإدارة وتأخذهما بعين الاعتبار ثم تحفظهما دون جواب، فلا يسري بشأنهما أي أجل للجواب.',
       'Une plainte attend une réponse de l''administration. Une observation ou une suggestion est prise en charge puis classée sans réponse : aucun délai de réponse ne court.',
       'A complaint awaits an answer from the administration. An observation or a suggestion is acknowledged and then closed without an answer, so no answer is due.'
) seed
WHERE NOT EXISTS (SELECT 1 FROM faq_entry WHERE service = 'COMPLAINTS');

INSERT INTO faq_entry (service, position, question_ar, question_fr, question_en, answer_ar, answer_fr, answer_en)
SELECT 'DOCUMENT_ORDERS', seed.* FROM (
SELECT 10 AS position, 'ما هي الوثائق التي يمكنني طلبها؟' AS question_ar, 'Quels documents puis-je commander ?' AS question_fr, 'Which documents can I order?' AS question_en,
       'نسخة موجزة من رسم الولادة ونسخة كاملة منه، من مكتب الحالة المدنية المسجل به الرسم، أو من القنصلية إذا كان الرسم مسجلا بالخارج.' AS answer_ar,
       'L''extrait d''acte de naissance et la copie intégrale, auprès du bureau d''état civil où l''acte est inscrit, ou du consulat pour un acte inscrit à l''étranger.' AS answer_fr,
       'The birth certificate extract and the full copy, from the civil-status office where the birth is registered, or from the consulate for a birth registered abroad.' AS answer_en
UNION ALL
SELECT 20, 'كم تكلف الوثيقة وكيف أؤدي ثمنها؟', 'Combien coûte un document et comment le payer ?', 'How much does a document cost and how do I pay?',
       'عشرون درهما للنسخة، وخمس نسخ على الأكثر في كل طلب، تؤدى عبر الإنترنت عند الطلب. ويلغى الطلب الذي لم يؤد ثمنه داخل أجل ثمان وأربعين ساعة.',
       '20 dirhams par copie, cinq copies au plus par commande, payées en ligne à la commande. Une commande qui n''est pas payée dans les 48 heures expire.',
       '20 dirhams a copy, at most five copies per order, paid online when ordering. An order that is not paid within 48 hours expires.'
UNION ALL
SELECT 30, 'كيف أتوصل بالوثيقة؟', 'Comment le document me parvient-il ?', 'How is the document delivered?',
       'يعد مكتب الحالة المدنية الوثيقة ويسلمها إلى بريد المغرب الذي يرسلها إلى العنوان الذي حددتموه، داخل المغرب أو خارجه. ويمكنكم تتبع طلبكم برقمه وبريدكم الإلكتروني.',
       'Le bureau d''état civil prépare le document et le remet à Barid Al-Maghrib, qui l''envoie à l''adresse indiquée, au Maroc ou à l''étranger. Suivez la commande avec son numéro et votre adresse e-mail.',
       'The civil-status office prepares the document and hands it to Barid Al-Maghrib, which sends it to the address you gave, in Morocco or abroad. Follow your order with its number and your e-mail address.'
UNION ALL
SELECT 40, 'هل يمكنني إلغاء طلبي؟', 'Puis-je annuler ma commande ?', 'Can I cancel my order?',
       'نعم، ما دام ثمنه لم يؤد بعد. وإذا رفض المكتب الطلب لتعذر العثور على الرسم أو لخطأ في معطياته، يرد إليكم المبلغ المؤدى.',
       'Oui, tant qu''elle n''est pas payée. Si le bureau la rejette parce que l''acte est introuvable ou que ses données sont erronées, le montant payé vous est remboursé.',
       'Yes, as long as it is not paid. If the office rejects it because the birth act cannot be found or its data are wrong, the amount paid is refunded.'
) seed
WHERE NOT EXISTS (SELECT 1 FROM faq_entry WHERE service = 'DOCUMENT_ORDERS');
